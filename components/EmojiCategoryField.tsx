/** The category field of the admin emoji forms: free text, suggesting the categories that exist. */
export function EmojiCategoryField(
  { label, value, categories }: {
    label: string;
    value: string;
    categories: { name: string }[];
  },
) {
  return (
    <>
      <label>
        {label}
        <input
          name="category"
          list="emoji-categories"
          maxLength={64}
          value={value}
        />
      </label>
      <datalist id="emoji-categories">
        {categories.map((c) => <option key={c.name} value={c.name} />)}
      </datalist>
    </>
  );
}
