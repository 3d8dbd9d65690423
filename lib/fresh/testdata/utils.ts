import { createDefine } from "../mod.ts";

export interface State {
  trail: string[];
  title?: string;
}

export const define = createDefine<State>();
