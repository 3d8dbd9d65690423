/**
 * The password a form asks for before it changes something that matters (e-mail, password,
 * two-factor, moving, deletion). With `username`, a hidden username field beside it, so
 * password managers know which account the password is for. `label`: the catalogue's
 * `auth.passwordFields.current` (or `.yours`).
 */
export function CurrentPasswordField(
  { name = "current_password", label, username }: {
    name?: string;
    label: string;
    username?: string;
  },
) {
  return (
    <>
      {username !== undefined && (
        <input
          type="hidden"
          name="username"
          autocomplete="username"
          value={username}
        />
      )}
      <label>
        {label}
        <input
          name={name}
          type="password"
          required
          autocomplete="current-password"
        />
      </label>
    </>
  );
}
