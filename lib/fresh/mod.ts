// `fresh`: a small re-creation of Fresh 2's server API (Fresh is JSR-only).
// Keep names identical to Fresh 2 so switching is an import-map change.
import type { Context } from "./context.ts";
import type { Middleware, PageComponent, RouteHandler } from "./types.ts";

export { App } from "./app.ts";
export { Context, HttpError, page, type PageResponse } from "./context.ts";
export { buildIslands, type IslandBundle } from "./bundle.ts";
export { PREBUILT_DIR, writePrebuiltBundle } from "./prebuilt.ts";
export { staticFiles } from "./static.ts";
export { routeModule } from "./fs-routes.ts";
export { IslandPropError } from "./serialize.ts";
export type {
  HandlerByMethod,
  HandlerFn,
  Handlers,
  Manifest,
  Middleware,
  PageComponent,
  PageProps,
  RouteConfig,
  RouteEntry,
  RouteHandler,
} from "./types.ts";
export type { FreshContext };

/** Fresh 1's name for the context. */
type FreshContext<State = Record<string, unknown>> = Context<State>;

/** The data type a handler passes to `page()`, for `define.page<typeof handler>`. */
type DataOf<H> = H extends RouteHandler<infer Data, infer _S> ? Data : H;

export interface Define<State> {
  handlers<Data>(
    handlers: RouteHandler<Data, State>,
  ): RouteHandler<Data, State>;
  page<H = unknown>(
    component: PageComponent<DataOf<H>, State>,
  ): PageComponent<DataOf<H>, State>;
  layout(
    component: PageComponent<unknown, State>,
  ): PageComponent<unknown, State>;
  middleware(
    middleware: Middleware<State> | Middleware<State>[],
  ): Middleware<State> | Middleware<State>[];
}

/**
 * Identity helpers that exist for type inference, as in Fresh 2:
 * `export const define = createDefine<State>();` in the app's utils.ts.
 */
export function createDefine<State>(): Define<State> {
  return {
    handlers: (handlers) => handlers,
    page: (component) => component,
    layout: (component) => component,
    middleware: (middleware) => middleware,
  };
}
