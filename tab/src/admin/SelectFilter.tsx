/** A filter of a toolbar: a labelled select whose first option ("any …") filters nothing. */
import { Field } from '@fluentui/react-components';
import { useAdminStyles } from './admin.styles';
import { Select } from './FitSelect';

/** One choice of a filter. */
export interface FilterOption<V extends string> {
  value: V;
  label: string;
}

/** The select with its label; `value` is '' while nothing is chosen. */
export function SelectFilter<V extends string>({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  anyLabel: string;
  value: V | '';
  options: readonly FilterOption<V>[];
  onChange: (value: V | '') => void;
}) {
  const styles = useAdminStyles();
  return (
    <Field label={label} className={styles.filter}>
      <Select value={value} onChange={(_, data) => onChange(data.value as V | '')}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
