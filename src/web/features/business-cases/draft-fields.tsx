import {
  NumberInput,
  type NumberInputProps,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { kronerText, parseKronerText } from "../../lib/kroner-text.js";
import { useDraftError, useDraftValue, useScenarioEditor } from "./scenario-editor-context.js";

type NumberFieldProps = Omit<NumberInputProps, "value" | "onChange" | "error"> & { path: string };

/**
 * A number field of the scenario, bound by path. Danish decimal comma in Danish; the engine's message
 * for the path appears under the field (aria-invalid and aria-describedby come with Mantine's error).
 * Re-renders only when its own value or message changes.
 */
export const DraftNumberInput = memo(function DraftNumberInput({ path, ...props }: NumberFieldProps) {
  const editor = useScenarioEditor();
  const value = useDraftValue(path) as number | string | undefined;
  const error = useDraftError(path);
  return (
    <NumberInput
      hideControls
      decimalSeparator={editor.language === "en" ? "." : ","}
      readOnly={editor.isReadOnly}
      {...props}
      value={value ?? ""}
      error={error}
      onChange={(next) => editor.setField(path, next)}
    />
  );
});

type TextFieldProps = Omit<TextInputProps, "value" | "onChange" | "error"> & { path: string };

/** A text field of the scenario, bound by path. */
export const DraftTextInput = memo(function DraftTextInput({ path, ...props }: TextFieldProps) {
  const editor = useScenarioEditor();
  const value = useDraftValue(path);
  const error = useDraftError(path);
  return (
    <TextInput
      readOnly={editor.isReadOnly}
      {...props}
      value={typeof value === "string" ? value : ""}
      error={error}
      onChange={(event) => editor.setField(path, event.currentTarget.value)}
    />
  );
});

type TextareaFieldProps = Omit<TextareaProps, "value" | "onChange" | "error"> & { path: string };

/** A text of the scenario that may need more than one line (a cost line's name in a narrow column). */
export const DraftTextarea = memo(function DraftTextarea({ path, ...props }: TextareaFieldProps) {
  const editor = useScenarioEditor();
  const value = useDraftValue(path);
  const error = useDraftError(path);
  return (
    <Textarea
      readOnly={editor.isReadOnly}
      autosize
      minRows={1}
      maxRows={4}
      {...props}
      value={typeof value === "string" ? value : ""}
      error={error}
      onChange={(event) => editor.setField(path, event.currentTarget.value)}
    />
  );
});

/**
 * An amount in kroner (the scenario holds øre): typed as "100.000" or "1.234,50", read exactly with
 * parseKroner and tidied to the Danish format when the field loses focus.
 */
export const DraftKronerInput = memo(function DraftKronerInput({ path, ...props }: TextFieldProps) {
  const { t } = useTranslation();
  const editor = useScenarioEditor();
  const value = useDraftValue(path);
  const error = useDraftError(path);
  const text = typeof value === "string" ? value : "";
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      readOnly={editor.isReadOnly}
      rightSection={<span aria-hidden="true">{t("businessCases.editor.kr")}</span>}
      rightSectionWidth={40}
      {...props}
      value={text}
      error={error}
      onChange={(event) => editor.setField(path, event.currentTarget.value)}
      onBlur={() => {
        if (editor.isReadOnly || text.trim() === "") return;
        try {
          const tidy = kronerText(parseKronerText(text, editor.language), editor.language);
          if (tidy !== text) editor.setField(path, tidy);
        } catch {
          // Left as typed: the message at the field says what is wrong.
        }
      }}
      styles={{ input: { textAlign: "right" } }}
    />
  );
});
