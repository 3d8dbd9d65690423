/** The new password and its confirmation, as every form that sets a password asks them. */
export function NewPasswordFields() {
  return (
    <>
      <label>
        New password
        <input
          name="password"
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
        />
      </label>
      <label>
        Confirm new password
        <input
          name="password_confirmation"
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
        />
      </label>
    </>
  );
}
