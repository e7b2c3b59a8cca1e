import { Alert, Badge, Stack, Tabs, Text, VisuallyHidden } from "@mantine/core";
import { useBlocker, useNavigate } from "@tanstack/react-router";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { Scenario } from "../../../domain/business-case/index.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { ConfirmDialog } from "../../components/confirm-dialog.js";
import { PageHeader } from "../../components/page-header.js";
import { RouterAnchor } from "../../components/router-links.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import { notifySuccess } from "../../lib/notify.js";
import { BusinessCaseDetailsDialog } from "./business-case-details-dialog.js";
import {
  useBusinessCase,
  useDuplicateBusinessCase,
  useSaveBusinessCaseVersion,
} from "./business-case-queries.js";
import type { StudioSearch, StudioTab } from "./business-case-search.js";
import type { BusinessCaseDetail, BusinessCaseVersion } from "./business-case-types.js";
import { DuplicateDialog } from "./duplicate-dialog.js";
import { MonteCarloPanel } from "./monte-carlo-panel.js";
import { defaultMonteCarloSettings, type MonteCarloSettings, reconcileRows } from "./monte-carlo-settings.js";
import { ResultsPanel } from "./results-panel.js";
import { SaveVersionDialog } from "./save-version-dialog.js";
import { draftOf, editorPathOf, type ScenarioDraft, scenarioKey } from "./scenario-draft.js";
import { DraftStore } from "./scenario-draft-store.js";
import { ScenarioEditor } from "./scenario-editor.js";
import { ScenarioEditorProvider } from "./scenario-editor-context.js";
import { ScenarioErrorSummary } from "./scenario-error-summary.js";
import { downloadScenarioJson } from "./scenario-file.js";
import { useScenarioResults } from "./scenario-results.js";
import { setAtPath, validateDraft } from "./scenario-validation.js";
import { SensitivitySection } from "./sensitivity-section.js";
import { StaleVersionAlert } from "./stale-version-alert.js";
import { StudioActions } from "./studio-actions.js";
import { StudioSummary } from "./studio-summary.js";
import { useMonteCarloWorker } from "./use-monte-carlo-worker.js";
import { VersionsPanel } from "./versions-panel.js";

interface BusinessCaseStudioProps {
  detail: BusinessCaseDetail;
  search: StudioSearch;
}

/** Messages of a refused save (VALIDATION_FAILED) keyed by the editor's field paths. */
function serverFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error, "VALIDATION_FAILED")) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    const path = editorPathOf(detail.path.replace(/^(body\.)?(scenario\.)?/, ""));
    if (!errors[path]) errors[path] = translateServerMessage(detail.message);
  }
  return errors;
}

/**
 * The business-case studio: the scenario editor with messages at the fields, live results (key
 * figures, charts, year table), sensitivity and Monte Carlo, saved versions with a diff, and the
 * exports. The editor works on a draft; saving makes a new version based on the one being edited
 * (409 STALE_VERSION when someone saved a newer one meanwhile).
 */
export function BusinessCaseStudio({ detail, search }: BusinessCaseStudioProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate({ from: "/business-cases/$businessCaseId" });
  const language = i18n.language === "en" ? "en" : "da";
  const amountMessage = t("businessCases.editor.amountInvalid");
  const durationMessage = t("businessCases.editor.durationMissing");
  const liveDetail = useBusinessCase(detail.id);
  const saveVersion = useSaveBusinessCaseVersion(detail.id);
  const duplicate = useDuplicateBusinessCase(detail.id);
  const monteCarlo = useMonteCarloWorker();

  // The draft lives in a store: each editor field subscribes to its own value, so a keystroke does
  // not re-render the whole editor. The studio itself follows the whole snapshot (validation, dirty).
  const validator = useCallback(
    (d: ScenarioDraft) => validateDraft(d, language, amountMessage, durationMessage),
    [language, amountMessage, durationMessage],
  );
  const [store] = useState(() => new DraftStore(draftOf(detail.current.scenario, language), validator));
  const validatorRef = useRef(validator);
  useEffect(() => {
    if (validatorRef.current === validator) return;
    validatorRef.current = validator;
    store.setValidator(validator);
  }, [store, validator]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { draft, validation, errors } = snapshot;
  const [baseVersion, setBaseVersion] = useState(detail.current.version);
  const [savedKey, setSavedKey] = useState<string>(() => scenarioKey(store.getSnapshot().validation.input));
  const [conflict, setConflict] = useState<{ latestVersion: number; latestBy: string | null } | null>(null);
  const [isSaveOpen, setSaveOpen] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [isDuplicateOpen, setDuplicateOpen] = useState(false);
  const [isDetailsOpen, setDetailsOpen] = useState(false);
  const [notice, setNotice] = useState<{ color: "red" | "green"; text: string } | null>(null);
  const [mcSettings, setMcSettings] = useState<Record<string, MonteCarloSettings>>({});
  const [diffRange, setDiffRange] = useState<{ from: number; to: number } | null>(null);

  const isDirty = scenarioKey(validation.input) !== savedKey;
  const canEdit = detail.canEdit;
  const tab: StudioTab = search.tab ?? (canEdit ? "editor" : "results");
  const variantId = search.variant ?? null;
  const { results, isStale } = useScenarioResults(validation.scenario, variantId);
  // While the draft is invalid, the variant picker keeps the last valid scenario's variants.
  const lastValidScenario = useRef<Scenario | null>(null);
  if (validation.scenario) lastValidScenario.current = validation.scenario;

  const setField = useCallback(
    (path: string, value: unknown) => store.setDraft((d) => setAtPath(d, path, value)),
    [store],
  );
  const update = useCallback(
    (recipe: (d: ScenarioDraft) => ScenarioDraft) => store.setDraft(recipe),
    [store],
  );
  const editor = useMemo(
    () => ({ store, isReadOnly: !canEdit, language, setField, update }),
    [store, canEdit, language, setField, update],
  );

  // Leaving with unsaved changes asks first (not for a tab or variant change, which stays on the page).
  const isDirtyRef = useRef(isDirty);
  isDirtyRef.current = isDirty;
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => isDirtyRef.current && current.pathname !== next.pathname,
    enableBeforeUnload: () => isDirtyRef.current,
    withResolver: true,
  });

  const setSearch = (patch: Partial<StudioSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const loadScenario = (scenario: unknown, based: number, saved: boolean) => {
    store.setDraft(draftOf(scenario, language));
    setBaseVersion(based);
    if (saved) setSavedKey(scenarioKey(store.getSnapshot().validation.input));
  };

  const save = async (note: string): Promise<boolean> => {
    if (!validation.scenario) return false;
    setSaveError(null);
    try {
      const saved = await saveVersion.mutateAsync({
        scenario: validation.scenario,
        note,
        basedOnVersion: baseVersion,
      });
      setSaveOpen(false);
      setConflict(null);
      setBaseVersion(saved.current.version);
      setSavedKey(scenarioKey(validation.input));
      notifySuccess(t("businessCases.save.saved", { version: saved.current.version }));
      return true;
    } catch (error) {
      if (isApiError(error, "STALE_VERSION")) {
        setSaveOpen(false);
        const latest = await liveDetail.refetch();
        setConflict({
          latestVersion: latest.data?.current.version ?? baseVersion + 1,
          latestBy: latest.data?.current.createdByName ?? null,
        });
        return false;
      }
      const fieldErrors = serverFieldErrors(error);
      if (Object.keys(fieldErrors).length > 0) {
        store.setServerErrors(fieldErrors);
        setSaveOpen(false);
        setSearch({ tab: "editor" });
        return false;
      }
      setSaveError(error);
      return false;
    }
  };

  const currentVersion = liveDetail.data?.current.version ?? detail.current.version;
  const mcScenario = results?.scenario ?? null;
  const mcKey = variantId ?? "";
  const settings = useMemo(() => {
    if (!mcScenario) return null;
    const existing = mcSettings[mcKey];
    return existing
      ? { ...existing, rows: reconcileRows(existing.rows, mcScenario) }
      : defaultMonteCarloSettings(mcScenario);
  }, [mcSettings, mcKey, mcScenario]);

  const name = liveDetail.data?.name ?? detail.name;
  const title = name;

  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/business-cases" size="sm">
              {t("businessCases.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        badges={
          <>
            <Badge variant="light" color="gray">
              {t("businessCases.studio.versionBadge", { version: baseVersion })}
            </Badge>
            {isDirty ? (
              <Badge variant="light" color="orange">
                {t("businessCases.studio.unsaved")}
              </Badge>
            ) : null}
            {!canEdit ? (
              <Badge variant="light" color="gray">
                {t("businessCases.studio.readOnly")}
              </Badge>
            ) : null}
            {(liveDetail.data ?? detail).isSharedWithParties ? (
              <Badge variant="light" color="bundlinje">
                {t("businessCases.studio.shared")}
              </Badge>
            ) : null}
          </>
        }
        description={
          <>
            {[detail.projectName, detail.organisationName].filter(Boolean).join(" · ")}
            {(liveDetail.data ?? detail).description ? (
              <Text component="span" display="block" size="sm" mt={4} style={{ whiteSpace: "pre-line" }}>
                {(liveDetail.data ?? detail).description}
              </Text>
            ) : null}
          </>
        }
        actions={
          <StudioActions
            detail={detail}
            canEdit={canEdit}
            canSave={canEdit && isDirty && validation.scenario !== null && !saveVersion.isPending}
            saveBlockedReason={
              !canEdit
                ? null
                : validation.scenario === null
                  ? t("businessCases.studio.fixErrorsFirst")
                  : !isDirty
                    ? t("businessCases.studio.nothingToSave")
                    : null
            }
            isDirty={isDirty}
            savedVersion={currentVersion}
            variantId={variantId}
            scenario={validation.scenario as Scenario | null}
            onSave={() => {
              setSaveError(null);
              setSaveOpen(true);
            }}
            onDuplicate={() => setDuplicateOpen(true)}
            onEditDetails={() => setDetailsOpen(true)}
            onExportJson={() => downloadScenarioJson(validation.input, draft.name || name)}
            onImport={(scenario, fileName) => {
              loadScenario(scenario, baseVersion, false);
              setSearch({ tab: "editor" });
              setNotice({ color: "green", text: t("businessCases.import.imported", { name: fileName }) });
            }}
            onImportProblem={(text) => setNotice({ color: "red", text })}
          />
        }
      />
      <Stack gap="md">
        {conflict ? (
          <StaleVersionAlert
            editedVersion={baseVersion}
            latestVersion={conflict.latestVersion}
            latestBy={conflict.latestBy}
            onShowChanges={() => {
              setDiffRange({ from: baseVersion, to: conflict.latestVersion });
              setSearch({ tab: "versions" });
            }}
            onSaveAnyway={() => {
              setBaseVersion(conflict.latestVersion);
              setConflict(null);
              setSaveOpen(true);
            }}
            onDiscard={() => {
              const latest = liveDetail.data;
              if (latest) loadScenario(latest.current.scenario, latest.current.version, true);
              setConflict(null);
            }}
          />
        ) : null}
        {notice ? (
          <Alert
            color={notice.color}
            variant="light"
            role={notice.color === "red" ? "alert" : "status"}
            withCloseButton
            closeButtonLabel={t("common.close")}
            onClose={() => setNotice(null)}
          >
            {notice.text}
          </Alert>
        ) : null}
      </Stack>
      <StudioSummary
        scenario={lastValidScenario.current}
        results={results}
        isStale={isStale}
        variantId={variantId}
        onVariantChange={(variant) => setSearch({ variant: variant ?? undefined })}
      />
      <Tabs
        value={tab}
        onChange={(value) => setSearch({ tab: (value as StudioTab) ?? undefined })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab
            value="editor"
            rightSection={
              Object.keys(errors).length > 0 ? (
                <Badge size="sm" color="red" variant="filled">
                  {Object.keys(errors).length}
                  <VisuallyHidden>
                    {t("businessCases.studio.errorCount", { count: Object.keys(errors).length })}
                  </VisuallyHidden>
                </Badge>
              ) : null
            }
          >
            {t("businessCases.studio.tabs.editor")}
          </Tabs.Tab>
          <Tabs.Tab value="results">{t("businessCases.studio.tabs.results")}</Tabs.Tab>
          <Tabs.Tab value="uncertainty">{t("businessCases.studio.tabs.uncertainty")}</Tabs.Tab>
          <Tabs.Tab value="versions">{t("businessCases.studio.tabs.versions")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="editor">
          <Stack gap="lg">
            {!canEdit ? (
              <Alert color="gray" variant="light">
                {t("businessCases.studio.readOnlyHint")}
              </Alert>
            ) : null}
            <ScenarioErrorSummary errors={errors} scenario={validation.input} />
            <ScenarioEditorProvider value={editor}>
              <ScenarioEditor organisationId={detail.organisationId} />
            </ScenarioEditorProvider>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="results">
          {results ? (
            <ResultsPanel results={results} />
          ) : (
            <Alert color="gray">{t("businessCases.studio.noResults")}</Alert>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="uncertainty">
          {results && settings ? (
            <Stack gap="lg">
              <SensitivitySection sensitivity={results.sensitivity} scenario={results.scenario} />
              <MonteCarloPanel
                results={results}
                settings={settings}
                onSettingsChange={(next) => setMcSettings((all) => ({ ...all, [mcKey]: next }))}
                monteCarlo={monteCarlo}
                language={language}
              />
            </Stack>
          ) : (
            <Alert color="gray">{t("businessCases.studio.noResults")}</Alert>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsPanel
            businessCaseId={detail.id}
            currentVersion={currentVersion}
            editedVersion={baseVersion}
            canEdit={canEdit}
            initialRange={diffRange}
            onOpenVersion={(v: BusinessCaseVersion) => {
              loadScenario(v.scenario, currentVersion, false);
              setSearch({ tab: "editor" });
              setNotice({ color: "green", text: t("businessCases.versions.opened", { version: v.version }) });
            }}
          />
        </Tabs.Panel>
      </Tabs>
      <SaveVersionDialog
        opened={isSaveOpen}
        onClose={() => setSaveOpen(false)}
        onSave={save}
        nextVersion={currentVersion + 1}
        error={saveError}
        isSaving={saveVersion.isPending}
      />
      {isDuplicateOpen ? (
        <DuplicateDialog
          opened
          onClose={() => setDuplicateOpen(false)}
          initialName={t("businessCases.duplicate.defaultName", { name })}
          isDirty={isDirty}
          error={duplicate.error}
          isSaving={duplicate.isPending}
          onDuplicate={async (copyName) => {
            const copy = await duplicate.mutateAsync({ name: copyName });
            setDuplicateOpen(false);
            notifySuccess(t("businessCases.duplicate.done", { name: copy.name }));
            isDirtyRef.current = false;
            await navigate({
              to: "/business-cases/$businessCaseId",
              params: { businessCaseId: copy.id },
              search: {},
            });
          }}
        />
      ) : null}
      {isDetailsOpen && liveDetail.data ? (
        <BusinessCaseDetailsDialog
          key={liveDetail.data.version}
          detail={liveDetail.data}
          onClose={() => setDetailsOpen(false)}
          onReload={() => liveDetail.refetch()}
        />
      ) : null}
      <ConfirmDialog
        opened={blocker.status === "blocked"}
        onClose={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
        title={t("businessCases.leave.title")}
        confirmLabel={t("businessCases.leave.confirm")}
        isDestructive
      >
        {t("businessCases.leave.text")}
      </ConfirmDialog>
    </>
  );
}
