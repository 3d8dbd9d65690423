import { HttpError } from "fresh";
import { define } from "../utils.ts";
import { PageHead } from "../components/PageHead.tsx";
import { messages } from "../lib/web/pages.ts";
import { errorText } from "../lib/web/form-errors.ts";

/** The error page: the status, a plain explanation, and a way back. */
export default define.page(function ErrorPage(
  { error, status = 500, state, url },
) {
  const all = messages({ state });
  const t = all.errorPages;
  const title = t.titles[status] ?? t.somethingWentWrong;
  const detail = error instanceof HttpError && status < 500 &&
      !/^HTTP \d+$|^Not Found$/.test(error.message)
    ? errorText(all, error.message)
    : status === 404
    ? t.notFound
    : status >= 500
    ? t.serverProblem
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
              {t.signIn}
            </a>
          )}
        <a class="button secondary" href={state.session ? "/home" : "/"}>
          {t.startPage}
        </a>
      </p>
    </section>
  );
});
