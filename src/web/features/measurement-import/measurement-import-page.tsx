import { Alert, Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  guessImportMapping,
  type ImportableInstrument,
  type MeasurementImportCheck,
  type MeasurementImportInput,
  type MeasurementImportResult,
} from "../../../contracts/progression-import.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useProject } from "../projects/project-queries.js";
import { ColumnMappingTable } from "./column-mapping-table.js";
import { FileDropZone } from "./file-drop-zone.js";
import { FilePreviewTable } from "./file-preview-table.js";
import { ImportHistoryTable } from "./import-history-table.js";
import { ImportProblemsTable } from "./import-problems-table.js";
import { type ImportPhase, ImportProgress } from "./import-progress.js";
import { useImportActions, useImportOverview } from "./measurement-import-queries.js";
import { type CsvFile, readCsvFile } from "./read-csv-file.js";

const DEFAULT_INSTRUMENT = "school-absence";

/**
 * Import of measurements from a CSV file into a project (issue 5 §3): choose the file and the
 * instrument, check the column mapping against a preview, run the dry run, and import only a file
 * without bad rows. The history of the organisation's imports is at the bottom.
 */
export function MeasurementImportPage() {
  const { t } = useTranslation();
  const { projectId } = useParams({ from: "/projects/$projectId/measurement-import" });
  const project = useProject(projectId);
  const overview = useImportOverview(projectId);
  const title = t("measurementImport.title");

  return (
    <>
      <PageHeader
        title={title}
        description={t("measurementImport.description")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/projects" size="sm">
              {t("projects.title")}
            </RouterAnchor>
            <RouterAnchor to="/projects/$projectId" params={{ projectId }} size="sm">
              {project.data?.name ?? t("projects.detailTitle")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      <QueryState query={overview}>
        {(data) =>
          data.instruments.length === 0 ? (
            <Alert color="gray">{t("measurementImport.noInstruments")}</Alert>
          ) : (
            <Stack gap="lg">
              <ImportWizard projectId={projectId} instruments={data.instruments} />
              <SectionCard title={t("measurementImport.history.title")}>
                <ImportHistoryTable imports={data.imports} />
              </SectionCard>
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

/** The three steps: file and instrument, columns, check and import. */
function ImportWizard({
  projectId,
  instruments,
}: {
  projectId: string;
  instruments: ImportableInstrument[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const actions = useImportActions(projectId);
  const [instrumentCode, setInstrumentCode] = useState(
    instruments.some((i) => i.code === DEFAULT_INSTRUMENT) ? DEFAULT_INSTRUMENT : instruments[0]!.code,
  );
  const instrument = instruments.find((i) => i.code === instrumentCode) ?? instruments[0]!;
  const [file, setFile] = useState<CsvFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [check, setCheck] = useState<MeasurementImportCheck | null>(null);
  const [result, setResult] = useState<MeasurementImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const startOver = () => {
    setCheck(null);
    setResult(null);
    setError(null);
  };

  const chooseFile = async (chosen: File) => {
    startOver();
    setFile(null);
    setFileProblem(null);
    if (!/\.(csv|txt)$/i.test(chosen.name)) {
      setFileProblem(t("measurementImport.dropzone.notCsv"));
      return;
    }
    setPhase({ kind: "reading", fraction: 0 });
    try {
      const read = await readCsvFile(chosen, (fraction) => setPhase({ kind: "reading", fraction }));
      if (read.rowCount === 0) setFileProblem(t("measurementImport.dropzone.empty"));
      setFile(read);
      setMapping(guessImportMapping(read.headers, instrument));
    } catch (e) {
      setError(e);
    } finally {
      setPhase(null);
    }
  };

  const chooseInstrument = (code: string) => {
    startOver();
    setInstrumentCode(code);
    const next = instruments.find((i) => i.code === code);
    if (file && next) setMapping(guessImportMapping(file.headers, next));
  };

  const changeColumn = (header: string, target: string) => {
    startOver();
    setMapping((current) => {
      const next = { ...current };
      // A field belongs to one column: choosing it here frees it elsewhere.
      for (const [h, v] of Object.entries(next)) if (target && v === target) delete next[h];
      if (target) next[header] = target;
      else delete next[header];
      return next;
    });
  };

  const targets = new Set(Object.values(mapping));
  const missing = [
    ...(targets.has("cpr") || targets.has("personId") ? [] : [t("measurementImport.mapping.missingPerson")]),
    ...(targets.has("measuredOn") ? [] : [t("measurementImport.mapping.missingDate")]),
    ...instrument.items
      .filter((item) => item.isRequired && !targets.has(item.code))
      .map((item) => t("measurementImport.mapping.missingItem", { label: item.label })),
  ];

  const send = async (kind: "checking" | "importing") => {
    if (!file) return;
    const input: MeasurementImportInput = { fileName: file.name, csv: file.text, instrumentCode, mapping };
    setError(null);
    setPhase({ kind: "uploading", fraction: 0 });
    const on = {
      progress: (fraction: number) => setPhase({ kind: "uploading", fraction }),
      uploaded: () => setPhase({ kind, rows: file.rowCount }),
    };
    try {
      if (kind === "checking") {
        setResult(null);
        setCheck(await actions.check(input, on));
      } else {
        setResult(await actions.commit(input, on));
        setCheck(null);
      }
    } catch (e) {
      setError(e);
    } finally {
      setPhase(null);
    }
  };

  const isBusy = phase !== null;
  const canImport =
    !isBusy && check !== null && check.badRowCount === 0 && check.goodRowCount > 0 && !check.previousImport;
  const delimiterName = (d: CsvFile["delimiter"]) =>
    t(`measurementImport.file.delimiters.${d === ";" ? "semicolon" : d === "," ? "comma" : "tab"}`);
  const size = (bytes: number) =>
    bytes < 1_000_000
      ? `${format.number(Math.max(1, Math.round(bytes / 1000)))} kB`
      : `${format.number(Math.round(bytes / 100_000) / 10)} MB`;

  return (
    <>
      <SectionCard title={t("measurementImport.stepFile")}>
        <FileDropZone onFile={(f) => void chooseFile(f)} disabled={isBusy} />
        {file ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("measurementImport.file.summary", {
                name: file.name,
                size: size(file.size),
                rows: format.number(file.rowCount),
                delimiter: delimiterName(file.delimiter),
              })}
            </Text>
            {file.encoding === "windows-1252" ? (
              <Text size="sm" c="dimmed">
                {t("measurementImport.file.windows1252")}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {fileProblem ? (
          <Alert color="red" role="alert">
            {fileProblem}
          </Alert>
        ) : null}
        <NativeSelect
          label={t("measurementImport.instrument")}
          description={`${t(`measurementImport.subjects.${instrument.subject}`)} ${t(
            "measurementImport.instrumentHint",
            {
              respondent: t(`measurements.respondents.${instrument.defaultRespondent}`).toLowerCase(),
            },
          )}`}
          value={instrumentCode}
          data={instruments.map((i) => ({ value: i.code, label: i.name }))}
          onChange={(event) => chooseInstrument(event.currentTarget.value)}
          disabled={isBusy}
          maw={480}
        />
      </SectionCard>

      {file && file.rowCount > 0 ? (
        <SectionCard title={t("measurementImport.stepColumns")}>
          <Text size="sm" c="dimmed">
            {t("measurementImport.mapping.guessed")}
          </Text>
          <ColumnMappingTable
            headers={file.headers}
            firstRow={file.firstRows[0]}
            instrument={instrument}
            mapping={mapping}
            onChange={changeColumn}
          />
          <FilePreviewTable file={file} mapping={mapping} />
        </SectionCard>
      ) : null}

      <SectionCard title={t("measurementImport.stepCheck")}>
        {file && missing.length > 0 ? (
          <Alert color="orange">
            <Stack gap={2}>
              {missing.map((m) => (
                <Text key={m} size="sm">
                  {m}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button
            onClick={() => void send("checking")}
            disabled={!file || file.rowCount === 0 || missing.length > 0 || isBusy}
          >
            {t("measurementImport.check")}
          </Button>
          <Button
            onClick={() => void send("importing")}
            disabled={!canImport}
            variant={canImport ? "filled" : "default"}
          >
            {t("measurementImport.import")}
          </Button>
        </Group>
        {!canImport && !result && !check?.previousImport ? (
          <Text size="sm" c="dimmed">
            {t("measurementImport.importHint")}
          </Text>
        ) : null}
        {phase ? <ImportProgress phase={phase} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        {check ? <CheckSummary check={check} /> : null}
        {result ? <ResultSummary result={result} /> : null}
      </SectionCard>
    </>
  );
}

/** What the dry run found: all good, the bad rows, or a file imported before. */
function CheckSummary({ check }: { check: MeasurementImportCheck }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (check.previousImport) {
    return <AlreadyImported summary={check.previousImport} />;
  }
  if (check.badRowCount === 0) {
    return (
      <Alert color="green" title={t("measurementImport.result.checkedTitle")} role="status">
        {t("measurementImport.result.allGood", {
          count: check.goodRowCount,
          formatted: format.number(check.goodRowCount),
          courses: format.number(check.courseCount),
        })}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="red" title={t("measurementImport.result.badTitle")} role="alert">
        <Stack gap={4}>
          <Text size="sm">
            {t("measurementImport.result.someBad", {
              count: check.badRowCount,
              formatted: format.number(check.badRowCount),
            })}
          </Text>
          <Text size="sm">
            {t("measurementImport.result.goodCount", {
              count: check.goodRowCount,
              formatted: format.number(check.goodRowCount),
            })}
          </Text>
          {check.isTruncated ? (
            <Text size="sm">
              {t("measurementImport.result.truncated", { count: format.number(check.problems.length) })}
            </Text>
          ) : null}
        </Stack>
      </Alert>
      <ImportProblemsTable problems={check.problems} />
    </Stack>
  );
}

function AlreadyImported({ summary }: { summary: NonNullable<MeasurementImportCheck["previousImport"]> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Alert color="orange" title={t("measurementImport.result.alreadyTitle")} role="status">
      {summary.importedByName
        ? t("measurementImport.result.alreadyImported", {
            when: format.dateTime(summary.importedAt),
            who: summary.importedByName,
            rows: format.number(summary.rowCount),
          })
        : t("measurementImport.result.alreadyImportedOther", { when: format.dateTime(summary.importedAt) })}
    </Alert>
  );
}

/** The commit's answer: how many measurements for how many courses (or: nothing, imported before). */
function ResultSummary({ result }: { result: MeasurementImportResult }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (result.status === "already-imported") return <AlreadyImported summary={result.import} />;
  return (
    <Alert color="green" title={t("measurementImport.result.importedTitle")} role="status">
      {t("measurementImport.result.imported", {
        count: result.addedCount,
        formatted: format.number(result.addedCount),
        courses: format.number(result.courseCount),
      })}
    </Alert>
  );
}
