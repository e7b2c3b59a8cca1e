import { Checkbox, MultiSelect, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { DANISH_PROFICIENCIES, SEXES } from "../../../contracts/casework.js";
import { todayInDenmark } from "./case-dates.js";
import { useLanguageOptions } from "./language-names.js";
import { birthDateFromCprInput, maskCprInput, type PersonFormValues } from "./person-form-values.js";

interface PersonFieldsProps<V> {
  form: UseFormReturnType<V>;
  /** Where the person sits in the form's values, e.g. "person" or "members.0.person". */
  path: string;
  values: PersonFormValues;
  /** Called when a field that identifies the person (name, birth date, CPR) loses focus. */
  onIdentityBlur?: () => void;
}

/** The fields of a new person: name, birth date, sex, languages, Danish, interpreter, school, CPR. */
export function PersonFields<V>({ form, path, values, onIdentityBlur }: PersonFieldsProps<V>) {
  const { t } = useTranslation();
  const languageOptions = useLanguageOptions();
  const field = (name: keyof PersonFormValues) => `${path}.${name}`;
  const inputProps = (name: keyof PersonFormValues, type?: "checkbox") => {
    const props = form.getInputProps(field(name), type ? { type } : undefined);
    return props;
  };
  const withIdentityBlur = (name: "firstName" | "lastName" | "birthDate") => {
    const props = inputProps(name);
    return {
      ...props,
      onBlur: (event: React.FocusEvent<HTMLInputElement>) => {
        props.onBlur?.(event);
        onIdentityBlur?.();
      },
    };
  };
  const cprProps = inputProps("cpr");

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <TextInput
        label={t("casework.person.firstName")}
        required
        autoComplete="off"
        {...withIdentityBlur("firstName")}
      />
      <TextInput
        label={t("casework.person.lastName")}
        required
        autoComplete="off"
        {...withIdentityBlur("lastName")}
      />
      <TextInput
        type="date"
        label={t("casework.person.birthDate")}
        required
        max={todayInDenmark()}
        {...withIdentityBlur("birthDate")}
      />
      <NativeSelect
        label={t("casework.person.sex")}
        required
        data={[
          { value: "", label: t("common.choose") },
          ...SEXES.map((s) => ({ value: s, label: t(`casework.sexes.${s}`) })),
        ]}
        {...inputProps("sex")}
      />
      <NativeSelect
        label={t("casework.person.danishProficiency")}
        required
        data={[
          { value: "", label: t("common.choose") },
          ...DANISH_PROFICIENCIES.map((p) => ({ value: p, label: t(`casework.proficiency.${p}`) })),
        ]}
        {...inputProps("danishProficiency")}
      />
      <TextInput
        label={t("casework.person.schoolOrDayCare")}
        description={t("casework.person.schoolHint")}
        {...inputProps("schoolOrDayCare")}
      />
      <MultiSelect
        label={t("casework.person.languages")}
        description={t("casework.person.languagesHint")}
        data={languageOptions}
        searchable
        clearable
        hidePickedOptions
        maxValues={10}
        comboboxProps={{ withinPortal: true }}
        {...inputProps("languages")}
      />
      <TextInput
        label={t("casework.person.cpr")}
        description={t("casework.person.cprHint")}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder="DDMMÅÅ-XXXX"
        maxLength={11}
        {...cprProps}
        value={values.cpr}
        onChange={(event) =>
          form.setFieldValue(field("cpr") as never, maskCprInput(event.currentTarget.value) as never)
        }
        onBlur={(event) => {
          cprProps.onBlur?.(event);
          const implied = birthDateFromCprInput(values.cpr);
          if (implied && !values.birthDate) form.setFieldValue(field("birthDate") as never, implied as never);
          onIdentityBlur?.();
        }}
      />
      <Checkbox
        label={t("casework.person.interpreterNeeded")}
        mt={{ base: 0, lg: 32 }}
        {...inputProps("interpreterNeeded", "checkbox")}
      />
    </SimpleGrid>
  );
}
