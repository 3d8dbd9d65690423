import {
  FetchRefused,
  pinnedFetch,
  type PinnedFetchOptions,
} from "./pinned-fetch.ts";

export interface FollowRedirectsOptions extends PinnedFetchOptions {
  /** How many redirects may be followed before giving up. */
  maxRedirects: number;
  /** One request, no redirects followed; tests replace it to play a remote server. */
  fetchHop?: typeof pinnedFetch;
}

export interface FollowedResponse {
  /** The first answer that is not a redirect (any status; the caller judges it). */
  response: Response;
  /** Where that answer came from. */
  url: URL;
  /** How many redirects led there. */
  redirects: number;
}

/**
 * A GET that follows redirects hop by hop, every hop through `pinnedFetch` (so each new host is
 * resolved and checked like the first), at most `maxRedirects` of them. `requestFor` builds
 * each hop's request, so a caller can set headers or sign it per URL.
 */
export async function fetchFollowingRedirects(
  url: URL,
  requestFor: (url: URL) => Request | Promise<Request>,
  options: FollowRedirectsOptions,
): Promise<FollowedResponse> {
  const { maxRedirects, fetchHop = pinnedFetch, ...fetchOptions } = options;
  let current = url;
  for (let redirects = 0;; redirects++) {
    const response = await fetchHop(await requestFor(current), fetchOptions);
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) {
      return { response, url: current, redirects };
    }
    await response.body?.cancel();
    if (redirects >= maxRedirects) {
      throw new FetchRefused(current, "too many redirects");
    }
    current = new URL(location, current);
  }
}
