/** The message block at the top of a form that was refused. */
export function FormErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="form-errors" role="alert">
      <ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul>
    </div>
  );
}
