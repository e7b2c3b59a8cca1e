import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createRodovreScenario, validateScenario } from "../../../domain/business-case/index.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { PageHeader } from "../../components/page-header.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { fieldErrorsOf } from "../../lib/api-form-errors.js";
import { notifySuccess } from "../../lib/notify.js";
import { useCurrentMe } from "../../lib/use-me.js";
import { createBlankScenario } from "./blank-scenario.js";
import { useCreateBusinessCase } from "./business-case-queries.js";
import { readScenarioFile } from "./scenario-file.js";
import { describeScenarioPath } from "./scenario-path-label.js";
import { useBusinessCaseOwners } from "./use-business-case-owners.js";

type Start = "blank" | "rodovre" | "import";

/** "Ny businesscase": owner, project, name, and where to start (blank, the Rødovre example, a file). */
export function BusinessCaseCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: "/business-cases/new" });
  const me = useCurrentMe();
  const owners = useBusinessCaseOwners();
  const create = useCreateBusinessCase();
  const resetFile = useRef<() => void>(null);

  const [start, setStart] = useState<Start>("blank");
  const [organisationId, setOrganisationId] = useState(owners.length === 1 ? (owners[0]?.id ?? "") : "");
  const [projectId, setProjectId] = useState(search.projectId ?? "");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [isShared, setShared] = useState(false);
  const [imported, setImported] = useState<{ fileName: string; scenario: Record<string, unknown> } | null>(
    null,
  );
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const title = t("businessCases.createTitle");

  const importErrors = (() => {
    if (start !== "import" || !imported) return [];
    const checked = validateScenario(imported.scenario);
    return checked.ok ? [] : Object.entries(checked.errors);
  })();

  const scenarioFor = (chosenName: string) => {
    const year = new Date().getFullYear();
    if (start === "rodovre") return createRodovreScenario({ startYear: year });
    if (start === "import" && imported) return imported.scenario;
    return createBlankScenario(chosenName, year);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!organisationId) next.organisationId = t("validation.choose");
    if (name.trim().length < 2) next.name = t("validation.minLength", { count: 2 });
    if (start === "import" && !imported) next.file = t("businessCases.import.chooseFile");
    setErrors(next);
    setSubmitError(null);
    if (Object.keys(next).length > 0 || importErrors.length > 0) return;
    try {
      const created = await create.mutateAsync({
        organisationId,
        projectId: projectId || null,
        name: name.trim(),
        description: description.trim(),
        isSharedWithParties: isShared,
        scenario: scenarioFor(name.trim()),
        note: t(`businessCases.createNotes.${start}`),
      });
      notifySuccess(t("businessCases.created", { name: created.name }));
      await navigate({
        to: "/business-cases/$businessCaseId",
        params: { businessCaseId: created.id },
        search: {},
      });
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (Object.keys(fields).length > 0) setErrors(fields as Record<string, string>);
      setSubmitError(error);
    }
  };

  return (
    <>
      <PageHeader
        title={title}
        description={t("businessCases.createDescription")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/business-cases" size="sm">
              {t("businessCases.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      <form noValidate onSubmit={submit}>
        <Stack gap="lg" maw={760}>
          {submitError ? <ErrorAlert error={submitError} title={t("businessCases.notCreated")} /> : null}
          <Paper withBorder radius="md" p="lg">
            <Radio.Group
              label={t("businessCases.start.label")}
              value={start}
              onChange={(value) => {
                setStart(value as Start);
                if (value === "rodovre" && !name.trim()) setName(createRodovreScenario().name);
              }}
            >
              <Stack gap="sm" mt="sm">
                <Radio
                  value="blank"
                  label={t("businessCases.start.blank")}
                  description={t("businessCases.start.blankHint")}
                />
                <Radio
                  value="rodovre"
                  label={t("businessCases.start.rodovre")}
                  description={t("businessCases.start.rodovreHint")}
                />
                <Radio
                  value="import"
                  label={t("businessCases.start.import")}
                  description={t("businessCases.start.importHint")}
                />
              </Stack>
            </Radio.Group>
            {start === "import" ? (
              <Stack gap="xs" mt="md">
                <Group gap="sm">
                  <FileButton
                    resetRef={resetFile}
                    accept="application/json,.json"
                    onChange={async (file) => {
                      if (!file) return;
                      resetFile.current?.();
                      const read = await readScenarioFile(file);
                      if (read.ok) {
                        setImported({ fileName: file.name, scenario: read.scenario });
                        setImportProblem(null);
                        if (!name.trim() && typeof read.scenario.name === "string")
                          setName(read.scenario.name);
                      } else {
                        setImported(null);
                        setImportProblem(
                          t(`businessCases.import.problems.${read.problem}`, { name: file.name }),
                        );
                      }
                    }}
                  >
                    {(props) => (
                      <Button variant="default" {...props}>
                        {t("businessCases.import.chooseFileButton")}
                      </Button>
                    )}
                  </FileButton>
                  <Text size="sm" aria-live="polite">
                    {imported
                      ? t("businessCases.import.chosen", { name: imported.fileName })
                      : t("businessCases.import.noFile")}
                  </Text>
                </Group>
                {errors.file ? (
                  <Text size="sm" c="red.9">
                    {errors.file}
                  </Text>
                ) : null}
                {importProblem ? (
                  <Alert color="red" variant="light" role="alert">
                    {importProblem}
                  </Alert>
                ) : null}
                {importErrors.length > 0 ? (
                  <Alert
                    color="red"
                    variant="light"
                    role="alert"
                    title={t("businessCases.import.invalidTitle", { count: importErrors.length })}
                  >
                    <List size="sm">
                      {importErrors.slice(0, 8).map(([path, message]) => (
                        <List.Item key={path}>
                          {describeScenarioPath(path, imported?.scenario, t)}:{" "}
                          {translateServerMessage(message)}
                        </List.Item>
                      ))}
                    </List>
                  </Alert>
                ) : null}
              </Stack>
            ) : null}
          </Paper>
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <NativeSelect
                label={t("businessCases.owner")}
                description={t("businessCases.ownerHint")}
                required
                value={organisationId}
                error={errors.organisationId}
                data={[
                  { value: "", label: t("common.choose") },
                  ...owners.map((o) => ({ value: o.id, label: o.name })),
                ]}
                onChange={(event) => setOrganisationId(event.currentTarget.value)}
              />
              <NativeSelect
                label={t("businessCases.project")}
                description={t("businessCases.projectHint")}
                value={projectId}
                error={errors.projectId}
                data={[
                  { value: "", label: t("businessCases.noProject") },
                  ...me.projects.map((p) => ({ value: p.id, label: p.name })),
                ]}
                onChange={(event) => setProjectId(event.currentTarget.value)}
              />
              <TextInput
                label={t("fields.name")}
                required
                value={name}
                error={errors.name}
                maxLength={200}
                onChange={(event) => setName(event.currentTarget.value)}
              />
              <Textarea
                label={t("fields.description")}
                value={description}
                error={errors.description}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={4000}
                onChange={(event) => setDescription(event.currentTarget.value)}
              />
              <Checkbox
                label={t("businessCases.sharedLabel")}
                description={t("businessCases.sharedHint")}
                checked={isShared}
                onChange={(event) => setShared(event.currentTarget.checked)}
              />
            </Stack>
          </Paper>
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t("businessCases.create")}
            </Button>
            <RouterButton variant="default" to="/business-cases" search={{}}>
              {t("common.cancel")}
            </RouterButton>
          </Group>
        </Stack>
      </form>
    </>
  );
}
