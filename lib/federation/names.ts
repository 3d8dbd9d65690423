/** Names the federation code and the always-loaded web layer share (no Fedify import here). */

/** The instance actor's identifier (never a username: `actor` is a reserved one). */
export const INSTANCE_ACTOR = "__instance__";
export const SOFTWARE_NAME = "starling";
export const SOFTWARE_VERSION = "0.1.0";
