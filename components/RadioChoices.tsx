/** One choice among a few, as labelled radio buttons (each with an optional hint). */
export function RadioChoices(
  { name, choices, checked }: {
    name: string;
    /** value, label, hint */
    choices: readonly (readonly [string, string, string?])[];
    checked: string;
  },
) {
  return (
    <div class="stack">
      {choices.map(([value, label, hint]) => (
        <label class="checkbox" key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={checked === value}
          />
          <span>
            {label}
            {hint && <small>{` — ${hint}`}</small>}
          </span>
        </label>
      ))}
    </div>
  );
}
