import { Button, Paper, Stack, Text } from "@mantine/core";
import { type DragEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Where the file is chosen: dropped on the area, or picked with the button, which opens the browser's
 * own file dialog (the file input itself stays out of sight and out of the tab order).
 */
export function FileDropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      onDragOver={(event) => {
        event.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={onDrop}
      style={{
        borderStyle: "dashed",
        borderWidth: 2,
        borderColor: isOver ? "var(--mantine-primary-color-filled)" : undefined,
        background: isOver ? "var(--mantine-primary-color-light)" : "var(--mantine-color-gray-0)",
      }}
    >
      <Stack gap="xs" align="flex-start">
        <Text fw={600}>{t("measurementImport.dropzone.label")}</Text>
        <Text size="sm" id={hintId}>
          {isOver ? t("measurementImport.dropzone.dropActive") : t("measurementImport.dropzone.hint")}
        </Text>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          hidden
          aria-hidden
          tabIndex={-1}
          disabled={disabled}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onFile(file);
            event.currentTarget.value = "";
          }}
        />
        <Button
          variant="default"
          onClick={() => input.current?.click()}
          disabled={disabled}
          aria-describedby={hintId}
        >
          {t("measurementImport.dropzone.choose")}
        </Button>
        <Text size="xs" c="dimmed">
          {t("measurementImport.dropzone.formats")}
        </Text>
      </Stack>
    </Paper>
  );
}
