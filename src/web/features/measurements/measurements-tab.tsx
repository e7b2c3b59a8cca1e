import { Alert, Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/query-state.js";
import { SectionCard } from "../../components/section-card.js";
import { todayInDenmark } from "../families/case-dates.js";
import type { FamilyTabProps } from "../families/family-tab-types.js";
import { CorrectionDialog } from "./correction-dialog.js";
import { DueSlotsList } from "./due-slots-list.js";
import { MeasurementHistory } from "./measurement-history.js";
import {
  type CourseMeasurements,
  type DueSlot,
  type MeasurementRecord,
  useCourseMeasurements,
} from "./measurement-queries.js";
import { ProgressSection } from "./progress-section.js";
import { RecordMeasurementDialog } from "./record-measurement-dialog.js";
import { useMeasurementText } from "./use-measurement-text.js";

/** "Målinger": what the schedule asks for, recording and correcting, the trends and the history. */
export function FamilyMeasurementsTab({ course }: FamilyTabProps) {
  const measurements = useCourseMeasurements(course?.id ?? "");
  if (!course) return null; // the family page shows "no course yet" for tabs that need one
  return <QueryState query={measurements}>{(data) => <Measurements data={data} />}</QueryState>;
}

/** The form that is open: a new measurement (optionally for a due slot) or a correction. */
type OpenForm = { kind: "record"; slot?: DueSlot } | { kind: "correct"; record: MeasurementRecord } | null;

function Measurements({ data }: { data: CourseMeasurements }) {
  const { t } = useTranslation();
  const text = useMeasurementText(data);
  const today = todayInDenmark();
  const [open, setOpen] = useState<OpenForm>(null);
  const canRecord = data.canRecord;

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" maw={820}>
        {t("measurements.tab.intro")}
      </Text>
      {canRecord ? null : (
        <Alert color="gray" variant="light">
          {t("measurements.tab.readOnly")}
        </Alert>
      )}

      <SectionCard
        title={t("measurements.due.title")}
        actions={
          canRecord ? (
            <Button size="sm" onClick={() => setOpen({ kind: "record" })}>
              {t("measurements.tab.record")}
            </Button>
          ) : null
        }
      >
        <Text size="sm" c="dimmed" maw={820}>
          {t("measurements.due.intro")}
        </Text>
        <DueSlotsList
          data={data}
          text={text}
          onRecord={canRecord ? (slot) => setOpen({ kind: "record", slot }) : undefined}
        />
      </SectionCard>

      <SectionCard title={t("measurements.progress.title")}>
        <Text size="sm" c="dimmed" maw={820}>
          {t("measurements.progress.intro")}
        </Text>
        <ProgressSection data={data} today={today} text={text} />
      </SectionCard>

      <SectionCard title={t("measurements.history.title")}>
        <Text size="sm" c="dimmed" maw={820}>
          {t("measurements.history.intro")}
        </Text>
        <MeasurementHistory
          data={data}
          text={text}
          onCorrect={canRecord ? (record) => setOpen({ kind: "correct", record }) : undefined}
        />
      </SectionCard>

      {open?.kind === "record" ? (
        <RecordMeasurementDialog
          data={data}
          today={today}
          text={text}
          slot={open.slot}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === "correct" ? (
        <CorrectionDialog
          data={data}
          record={open.record}
          today={today}
          text={text}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Stack>
  );
}
