/** The error pages (routes/_error.tsx): a title per status, a plain explanation, a way back. */
export const errorPages = {
  titles: {
    400: "That request didn't make sense",
    401: "Please sign in",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    410: "Gone",
    422: "That didn't work",
    503: "Back in a moment",
  } as Record<number, string>,
  somethingWentWrong: "Something went wrong",
  notFound: "This page doesn't exist, or you can't see it.",
  serverProblem: "The server had a problem. Please try again in a moment.",
  signIn: "Sign in",
  startPage: "Go to the start page",
};

export type ErrorPagesMessages = typeof errorPages;
