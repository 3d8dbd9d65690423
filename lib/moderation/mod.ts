/**
 * Moderation and administration (issue 16): roles and permissions, the reports workflow, the
 * audit log and admin notifications. The public face: nothing outside lib/moderation imports
 * its other files.
 */
export {
  type Actor,
  ALL_PERMISSIONS,
  BUILT_IN_ROLE_IDS,
  can,
  canActOn,
  canEnterAdmin,
  EVERYONE_ROLE_ID,
  type Permission,
  PERMISSION_FLAGS,
  permissionNames,
  type Role,
} from "./permissions.ts";
export {
  loadActor,
  roleByName,
  roleForOperatorCreatedAccount,
  roleOf,
  rolesOfAccounts,
  setRole,
} from "./roles.ts";
