/**
 * A tiny cookie-keeping client for the web UI's HTML forms: GET a page, read its CSRF token,
 * POST the form back — what a browser does, without one.
 */
export class FormClient {
  cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set(
        "cookie",
        [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      );
    }
    const response = await fetch(new URL(path, this.origin), {
      ...init,
      headers,
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GETs a page and returns its HTML and the CSRF token embedded in its forms. */
  async page(
    path: string,
  ): Promise<{ status: number; html: string; csrf: string }> {
    const response = await this.request(path);
    const html = await response.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    return { status: response.status, html, csrf };
  }

  /** POSTs a form (urlencoded), as a browser would from our own origin. */
  async post(path: string, fields: Record<string, string>): Promise<Response> {
    return await this.request(path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: this.origin,
      },
      body: new URLSearchParams(fields),
    });
  }

  /** Fills in the form on `from` (default: `path` itself) with its CSRF token and POSTs it. */
  async submit(
    path: string,
    fields: Record<string, string>,
    from = path,
  ): Promise<Response> {
    const { csrf } = await this.page(from);
    return await this.post(path, { _csrf: csrf, ...fields });
  }

  /** POSTs a multipart form (fields and files), as a browser's file upload does. */
  async postMultipart(
    path: string,
    fields: Record<string, string | File>,
  ): Promise<Response> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return await this.request(path, {
      method: "POST",
      headers: { origin: this.origin },
      body,
    });
  }
}

/** A `FormClient` signed in through the sign-in form (test users' password by default). */
export async function signedInClient(
  origin: string,
  login: string,
  password = "a good password",
): Promise<FormClient> {
  const client = new FormClient(origin);
  const form = await client.page("/auth/sign_in");
  const response = await client.post("/auth/sign_in", {
    _csrf: form.csrf,
    login,
    password,
    return_to: "/home",
  });
  await response.body?.cancel();
  if (response.status !== 303) {
    throw new Error(`sign-in as ${login} answered ${response.status}`);
  }
  return client;
}
