import { HttpError } from "fresh";
import { define } from "../utils.ts";
import { PageHead } from "../components/PageHead.tsx";

const TITLES: Record<number, string> = {
  400: "That request didn't make sense",
  401: "Please sign in",
  403: "Not allowed",
  404: "Not found",
  405: "Not allowed",
  410: "Gone",
  422: "That didn't work",
  503: "Back in a moment",
};

/** The error page: the status, a plain explanation, and a way back. */
export default define.page(function ErrorPage(
  { error, status = 500, state, url },
) {
  const title = TITLES[status] ?? "Something went wrong";
  const detail = error instanceof HttpError && status < 500 &&
      !/^HTTP \d+$|^Not Found$/.test(error.message)
    ? error.message
    : status === 404
    ? "This page doesn't exist, or you can't see it."
    : status >= 500
    ? "The server had a problem. Please try again in a moment."
    : null;
  return (
    <section class="card error-page">
      <PageHead title={title} />
      <p class="code">{status}</p>
      <h1>{title}</h1>
      {detail && <p>{detail}</p>}
      <p class="actions">
        {!state.session &&
          (status === 401 ||
            (status === 404 && /^\/@[^/]+@/.test(url.pathname))) &&
          (
            <a
              class="button"
              href={`/auth/sign_in?return_to=${
                encodeURIComponent(url.pathname + url.search)
              }`}
            >
              Sign in
            </a>
          )}
        <a class="button secondary" href={state.session ? "/home" : "/"}>
          Go to the start page
        </a>
      </p>
    </section>
  );
});
