/** What blocking does, in the words the confirm page and the dialog share. */
export function BlockConsequences() {
  return (
    <ul class="consequences">
      <li>You won't see their posts or notifications from them.</li>
      <li>They can't follow you or see your posts while signed in.</li>
      <li>Any follows between you end.</li>
    </ul>
  );
}
