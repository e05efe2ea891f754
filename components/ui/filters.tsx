// The filter bar of a list page: a GET form (the filters live in the address,
// so a filtered list can be bookmarked and shared), labelled selects and
// inputs, one "Filter" button. No hooks: server-rendered.

type FilterFormProps = { action: string; label: string; search?: boolean; children: React.ReactNode };

export function FilterForm({ action, label, search, children }: FilterFormProps) {
  return (
    <form role={search ? "search" : undefined} aria-label={label} className="flex flex-wrap items-end gap-3" action={action}>
      {children}
      <button type="submit" className="rounded bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800">Filter</button>
    </form>
  );
}

export type FilterOption = { value: string; label: string };

type FilterSelectProps = {
  name: string;
  label: string;
  value?: string | null;
  /** The first option, meaning "no filter" ("Any", "Anyone", "All articles"). */
  anyLabel: string;
  options?: FilterOption[];
  /** Options grouped under a heading, instead of `options`. */
  group?: { label: string; options: FilterOption[] };
  className?: string;
};

export function FilterSelect({ name, label, value, anyLabel, options = [], group, className = "" }: FilterSelectProps) {
  const list = (opts: FilterOption[]) => opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} className={`mt-1 rounded border border-slate-400 px-2 py-1.5 ${className}`}>
        <option value="">{anyLabel}</option>
        {group ? <optgroup label={group.label}>{list(group.options)}</optgroup> : list(options)}
      </select>
    </div>
  );
}

export function FilterInput({ name, label, value, type = "text", className = "" }: { name: string; label: string; value?: string | null; type?: "text" | "search"; className?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input id={name} name={name} type={type} defaultValue={value ?? ""} className={`mt-1 rounded border border-slate-400 px-2 py-1.5 ${className}`} />
    </div>
  );
}
