import { useEffect, useState } from "preact/hooks";

/**
 * "Copy link" in a post's menu. It needs the clipboard, so it renders nothing until JavaScript
 * runs; without it the post's time already links to the post.
 */
export default function CopyLink(
  { url, label = "Copy link", copiedLabel = "Link copied" }: {
    url: string;
    /** In the page's language. */
    label?: string;
    copiedLabel?: string;
  },
) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(Boolean(navigator.clipboard)), []);
  if (!ready) return null;
  return (
    <button
      type="button"
      class="menu-item"
      onClick={async () => {
        await navigator.clipboard.writeText(url);
        setCopied(true);
      }}
    >
      {copied ? copiedLabel : label}
    </button>
  );
}
