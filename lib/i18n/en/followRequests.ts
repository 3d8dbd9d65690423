/** People asking to follow a locked account (routes/follow_requests). */
export const followRequests = {
  title: "Follow requests",
  notLocked: "Your account is not locked, so people follow you without asking.",
  changeInSettings: "Change this in settings",
  accept: "Accept",
  reject: "Reject",
  empty: "No one is waiting for your answer.",
};

export type FollowRequestsMessages = typeof followRequests;
