// The App: middlewares, file-system routes from a manifest, rendering, error
// pages and serving the island bundle.
import type { VNode } from "preact";
import {
  Context,
  HttpError,
  isPageResponse,
  type PageResponse,
  type PageResponseInit,
} from "./context.ts";
import { compilePattern, compileSegments, matchPattern } from "./router.ts";
import { type ErrorPage, resolveFsRoutes, type Route } from "./fs-routes.ts";
import {
  callComponent,
  constant,
  jsonForScript,
  registerIsland,
  renderTree,
  withHead,
} from "./render.ts";
import {
  buildIslands,
  collectIslands,
  type IslandBundle,
  stopBundler,
} from "./bundle.ts";
import { setServerBuildId } from "./runtime.ts";
import { readPrebuiltBundle } from "./prebuilt.ts";
import { pickEncoded } from "./encoding.ts";
import type {
  AnyComponent,
  HandlerFn,
  Manifest,
  Middleware,
  PageProps,
} from "./types.ts";

const METHODS = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
] as const;

export class App<State = Record<string, unknown>> {
  #middlewares: Middleware<State>[] = [];
  #codeRoutes: Route<State>[] = [];
  #fileRoutes: Route<State>[] = [];
  #appShell?: AnyComponent;
  #rootMiddlewares: Middleware<State>[] = [];
  #rootErrorPage?: ErrorPage<State>;
  #islandFiles: Record<string, Record<string, unknown>> = {};
  #bundle?: IslandBundle;

  /** Adds middlewares that run for every request, before file-route middlewares. */
  use(...middlewares: Middleware<State>[]): this {
    this.#middlewares.push(...middlewares);
    return this;
  }

  /**
   * Adds a route in code: `app.get("/health", () => new Response("ok"))`;
   * `app.route("PUT", "/x/:id", fn)` for other methods. Matched before file routes.
   */
  route(
    method: string | "ALL",
    pattern: string,
    handler: HandlerFn<unknown, State>,
  ): this {
    this.#codeRoutes.push({
      compiled: compilePattern(pattern),
      handler: method === "ALL" ? handler : { [method.toUpperCase()]: handler },
      layouts: [],
      middlewares: [],
      useApp: false,
    });
    return this;
  }
  get(p: string, h: HandlerFn<unknown, State>): this {
    return this.route("GET", p, h);
  }
  post(p: string, h: HandlerFn<unknown, State>): this {
    return this.route("POST", p, h);
  }
  all(p: string, h: HandlerFn<unknown, State>): this {
    return this.route("ALL", p, h);
  }

  /** Registers the routes and islands of a generated `fresh.gen.ts` manifest. */
  fsRoutes(manifest: Manifest): this {
    const resolved = resolveFsRoutes<State>(manifest);
    this.#fileRoutes = resolved.routes;
    this.#appShell = resolved.appShell;
    this.#rootMiddlewares = resolved.rootMiddlewares;
    this.#rootErrorPage = resolved.rootErrorPage;
    this.#islandFiles = { ...this.#islandFiles, ...manifest.islands };
    for (const island of collectIslands(this.#islandFiles)) {
      registerIsland(island);
    }
    return this;
  }

  /** Bundles the manifest's islands (esbuild, in memory) and serves them. */
  async buildIslands(
    options: { rootDir: string; dev?: boolean },
  ): Promise<IslandBundle> {
    const bundle = await buildIslands({
      ...options,
      islands: this.#islandFiles,
    });
    this.useBundle(bundle);
    return bundle;
  }

  /**
   * Serves the islands' bundle built ahead of time (`deno task build` → `writePrebuiltBundle`,
   * under `<rootDir>/_fresh/islands`) when it was made for these islands from these sources;
   * bundles in memory (esbuild) otherwise. Says which, and why not the prebuilt one.
   */
  async prepareIslands(
    options: { rootDir: string; prebuiltDir?: string },
  ): Promise<{ bundle: IslandBundle; prebuilt: boolean; reason?: string }> {
    const found = await readPrebuiltBundle(
      options.rootDir,
      Object.keys(this.#islandFiles),
      options.prebuiltDir,
    );
    if (found.bundle) {
      this.useBundle(found.bundle);
      return { bundle: found.bundle, prebuilt: true };
    }
    const bundle = await this.buildIslands({ rootDir: options.rootDir });
    return { bundle, prebuilt: false, reason: found.reason };
  }

  /** Serves a bundle made by `buildIslands()` and links it from pages with islands. */
  useBundle(bundle: IslandBundle): this {
    this.#bundle = bundle;
    setServerBuildId(bundle.buildId);
    return this;
  }

  /** Releases what the App holds (esbuild's child process). */
  async close(): Promise<void> {
    await stopBundler();
  }

  handler(): (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response> {
    return (req, info) => this.#handle(req, info);
  }

  async #handle(req: Request, info?: Deno.ServeHandlerInfo): Promise<Response> {
    const ctx = new Context<State>(req, info);
    const bundleFile = this.#serveBundle(ctx);
    if (bundleFile) return bundleFile;

    let found: { route: Route<State>; params: Record<string, string> } | null =
      null;
    let badPath = false;
    try {
      found = this.#match(ctx.url.pathname);
    } catch {
      badPath = true; // malformed percent-encoding in a param
    }
    const route = found?.route;
    if (found) {
      ctx.params = found.params;
      ctx.route = found.route.compiled.pattern;
    }
    ctx.render = (vnode, init) => {
      if (vnode) return this.#render(ctx, route, { vnode }, init ?? {});
      return this.#render(ctx, route, { data: undefined }, init ?? {});
    };
    const errorPage = route ? route.errorPage : this.#rootErrorPage;
    const chain = [
      ...this.#middlewares,
      ...(route ? route.middlewares : this.#rootMiddlewares),
    ];
    try {
      // A page's module is imported at its first request (see manifest.ts).
      if (route?.load) await route.load();
      const response = await runChain(ctx, chain, () => {
        if (badPath) throw new HttpError(400, "Malformed URL");
        if (!route) throw new HttpError(404, "Not Found");
        return this.#callRoute(ctx, route);
      });
      return req.method === "HEAD" ? withoutBody(response) : response;
    } catch (error) {
      return withMethod(req, await this.#renderError(ctx, error, errorPage));
    }
  }

  #match(pathname: string) {
    for (const route of [...this.#codeRoutes, ...this.#fileRoutes]) {
      const params = matchPattern(route.compiled, pathname);
      if (params) return { route, params };
    }
    return null;
  }

  #serveBundle(ctx: Context<State>): Response | null {
    const bundle = this.#bundle;
    if (!bundle || !ctx.url.pathname.startsWith("/_fresh/js/")) return null;
    const file = ctx.url.pathname.startsWith(bundle.basePath)
      ? bundle.files.get(ctx.url.pathname.slice(bundle.basePath.length))
      : undefined;
    if (!file) return new Response("Not Found", { status: 404 });
    const headers = new Headers({
      "content-type": file.contentType,
      "cache-control": "public, max-age=31536000, immutable",
    });
    const body = pickEncoded(ctx.req, file.content, file.encoded, headers);
    return new Response(
      ctx.req.method === "HEAD" ? null : body,
      { headers },
    );
  }

  async #callRoute(
    ctx: Context<State>,
    route: Route<State>,
  ): Promise<Response> {
    const method = ctx.req.method.toUpperCase();
    const handler = route.handler;
    let fn: HandlerFn<unknown, State> | undefined;
    if (typeof handler === "function") fn = handler;
    else if (handler) {
      fn = handler[method as keyof typeof handler] ??
        (method === "HEAD" ? handler.GET : undefined);
      if (!fn) {
        const allowed = METHODS.filter((m) =>
          handler[m] || (m === "HEAD" && handler.GET)
        );
        return methodNotAllowed(allowed);
      }
    } else if (route.page && (method === "GET" || method === "HEAD")) {
      return this.#render(ctx, route, { data: undefined }, {});
    } else return methodNotAllowed(route.page ? ["GET", "HEAD"] : []);

    const result = await fn(ctx);
    if (result instanceof Response) return result;
    if (isPageResponse(result)) {
      return this.#render(
        ctx,
        route,
        { data: result.data },
        result as PageResponse<unknown>,
      );
    }
    throw new Error(
      `Handler for ${route.compiled.pattern} returned neither a Response nor page()`,
    );
  }

  /** page → layouts inner to outer → _app, then HTML with island scripts. */
  async #render(
    ctx: Context<State>,
    route: Route<State> | undefined,
    content: { data: unknown } | { vnode: VNode },
    init: PageResponseInit,
    extraProps: Record<string, unknown> = {},
  ): Promise<Response> {
    const data = "data" in content ? content.data : undefined;
    const props: PageProps<unknown, State> = {
      data,
      state: ctx.state,
      url: ctx.url,
      params: ctx.params,
      route: ctx.route,
      req: ctx.req,
      info: ctx.info,
      error: ctx.error,
      Component: () => null,
      ...extraProps,
    };
    let tree: VNode;
    if ("vnode" in content) tree = content.vnode;
    else if (route?.page) tree = await callComponent(route.page, props);
    else {throw new Error(
        `Route ${route?.compiled.pattern ?? "?"} has no page component`,
      );}
    for (const layout of [...(route?.layouts ?? [])].reverse()) {
      tree = await callComponent(layout.component, {
        ...props,
        Component: constant(tree),
      });
    }
    if (this.#appShell && (route?.useApp ?? true)) {
      tree = await callComponent(this.#appShell, {
        ...props,
        Component: constant(tree),
      });
    }
    const rendered = renderTree(tree);
    let html = "<!DOCTYPE html>" + rendered.html;
    if (rendered.head) html = withHead(html, rendered.head);
    if (rendered.islands.length > 0) {
      html = insertBefore(html, "</body>", this.#islandTags(rendered));
    }
    const headers = new Headers(init.headers);
    if (!headers.has("content-type")) {
      headers.set("content-type", "text/html; charset=utf-8");
    }
    return new Response(html, { status: init.status ?? 200, headers });
  }

  /** The island state JSON plus module scripts (nothing inline is executable: CSP-safe). */
  #islandTags(rendered: ReturnType<typeof renderTree>): string {
    const bundle = this.#bundle;
    const modules: Record<string, { file: string; exportName: string }> = {};
    for (const { info } of rendered.islands) {
      const file = bundle?.entries.get(info.file);
      if (file) modules[info.name] = { file, exportName: info.exportName };
    }
    const state = {
      buildId: bundle?.buildId ?? null,
      base: bundle?.basePath ?? null,
      islands: rendered.islands.map(({ info, props }) => ({
        name: info.name,
        props,
      })),
      modules,
    };
    let tags = `<script type="application/json" id="__FRSH_STATE">${
      jsonForScript(state)
    }</script>`;
    if (bundle) {
      const files = new Set([
        "boot.js",
        ...Object.values(modules).map((m) => m.file),
      ]);
      for (const file of files) {
        tags +=
          `<script type="module" src="${bundle.basePath}${file}"></script>`;
      }
    }
    return tags;
  }

  async #renderError(
    ctx: Context<State>,
    error: unknown,
    errorPage: ErrorPage<State> | undefined,
  ): Promise<Response> {
    const status = error instanceof HttpError ? error.status : 500;
    if (status >= 500) {
      console.error(`Error on ${ctx.req.method} ${ctx.url.pathname}:`, error);
    }
    ctx.error = error;
    if (errorPage) {
      try {
        return await this.#render(
          ctx,
          {
            ...errorPage,
            compiled: compileSegments([]),
            page: errorPage.component,
            middlewares: [],
          },
          { data: undefined },
          { status },
          { error, status },
        );
      } catch (renderError) {
        console.error("The _error page itself failed:", renderError);
      }
    }
    const message = error instanceof HttpError
      ? error.message
      : "Internal Server Error";
    return new Response(message, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}

/** Runs middlewares outer → inner; each one's `ctx.next()` calls the next, the last calls `final`. */
function runChain<State>(
  ctx: Context<State>,
  middlewares: Middleware<State>[],
  final: () => Promise<Response>,
): Promise<Response> {
  const step = async (i: number): Promise<Response> => {
    if (i >= middlewares.length) return await final();
    ctx.next = () => step(i + 1);
    return await middlewares[i](ctx);
  };
  return step(0);
}

function methodNotAllowed(allowed: readonly string[]): Response {
  return new Response("Method Not Allowed", {
    status: 405,
    headers: { allow: allowed.join(", ") },
  });
}

function withoutBody(response: Response): Response {
  if (response.body === null) return response;
  response.body.cancel();
  return new Response(null, {
    status: response.status,
    headers: response.headers,
  });
}

function withMethod(req: Request, response: Response): Response {
  return req.method === "HEAD" ? withoutBody(response) : response;
}

function insertBefore(html: string, marker: string, insert: string): string {
  const at = html.lastIndexOf(marker);
  return at === -1
    ? html + insert
    : html.slice(0, at) + insert + html.slice(at);
}
