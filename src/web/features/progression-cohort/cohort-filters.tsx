import { Button, Group, NativeSelect, Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CohortView } from "../../../contracts/progression-cohort.js";
import { COURSE_STATES } from "../../../domain/casework/course-state.js";
import { useLanguageName } from "../families/language-names.js";
import { useLocalName } from "./cohort-format.js";
import type { CohortSearch } from "./cohort-search.js";

interface CohortFiltersProps {
  view: CohortView;
  search: CohortSearch;
  onChange: (patch: Partial<CohortSearch>) => void;
  onClear: () => void;
}

/** The instrument, score and whom to count; the track, main language and course state. */
export function CohortFilters({ view, search, onChange, onClear }: CohortFiltersProps) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const languageName = useLanguageName();
  const { selection, options } = view;
  const instrument = options.instruments.find((i) => i.code === selection.instrumentCode);
  const isFiltered = Object.values(search).some((v) => v !== undefined);
  const k = "progressionCohort.cohort.filters";
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t(`${k}.title`)}>
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label={t(`${k}.instrument`)}
          value={selection.instrumentCode}
          data={options.instruments.map((i) => ({ value: i.code, label: localName(i.name, i.nameEn) }))}
          onChange={(e) =>
            onChange({ instrument: e.currentTarget.value, score: undefined, subject: undefined })
          }
          style={{ flex: "1 1 220px", maxWidth: 300 }}
        />
        <NativeSelect
          label={t(`${k}.score`)}
          value={selection.scoreCode}
          data={(instrument?.scores ?? []).map((s) => ({
            value: s.code,
            label: localName(s.label, s.labelEn),
          }))}
          onChange={(e) => onChange({ score: e.currentTarget.value })}
          style={{ flex: "1 1 220px", maxWidth: 320 }}
        />
        {instrument && instrument.subjects.length > 1 ? (
          <NativeSelect
            label={t(`${k}.subject`)}
            value={selection.subject}
            data={instrument.subjects.map((s) => ({ value: s, label: t(`${k}.subjects.${s}`) }))}
            onChange={(e) => onChange({ subject: e.currentTarget.value as CohortSearch["subject"] })}
            style={{ flex: "0 1 200px" }}
          />
        ) : null}
        <NativeSelect
          label={t(`${k}.track`)}
          value={search.track ?? ""}
          data={[
            { value: "", label: t(`${k}.allTracks`) },
            ...options.tracks.map((tr) => ({ value: tr.id, label: tr.name })),
          ]}
          onChange={(e) => onChange({ track: e.currentTarget.value || undefined })}
          style={{ flex: "0 1 240px" }}
        />
        <NativeSelect
          label={t(`${k}.language`)}
          value={search.language ?? ""}
          data={[
            { value: "", label: t(`${k}.allLanguages`) },
            ...options.languages.map((code) => ({ value: code, label: languageName(code) })),
          ]}
          onChange={(e) => onChange({ language: e.currentTarget.value || undefined })}
          style={{ flex: "0 1 200px" }}
        />
        <NativeSelect
          label={t(`${k}.state`)}
          value={search.state ?? ""}
          data={[
            { value: "", label: t(`${k}.allStates`) },
            ...COURSE_STATES.map((s) => ({ value: s, label: t(`casework.courseStates.${s}`) })),
          ]}
          onChange={(e) => onChange({ state: e.currentTarget.value || undefined })}
          style={{ flex: "0 1 200px" }}
        />
        {isFiltered ? (
          <Button variant="subtle" onClick={onClear}>
            {t(`${k}.clear`)}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
