import { Button, Menu, Tooltip } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Scenario } from "../../../domain/business-case/index.js";
import { RouterButton } from "../../components/router-links.js";
import { businessCaseXlsxUrl } from "./business-case-queries.js";
import { formatCompareItems } from "./business-case-search.js";
import type { BusinessCaseDetail } from "./business-case-types.js";
import { readScenarioFile } from "./scenario-file.js";

interface StudioActionsProps {
  detail: BusinessCaseDetail;
  canEdit: boolean;
  canSave: boolean;
  /** Why saving is not possible right now (shown as the button's tooltip), or null. */
  saveBlockedReason: string | null;
  isDirty: boolean;
  /** The newest saved version (what XLSX and print show). */
  savedVersion: number;
  variantId: string | null;
  scenario: Scenario | null;
  onSave: () => void;
  onDuplicate: () => void;
  onEditDetails: () => void;
  onExportJson: () => void;
  onImport: (scenario: Record<string, unknown>, fileName: string) => void;
  onImportProblem: (message: string) => void;
}

/** The studio's actions: save a version, compare, print, and the exports and imports in a menu. */
export function StudioActions(props: StudioActionsProps) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const compareItems = formatCompareItems([
    { businessCaseId: props.detail.id, version: null, variantId: null },
    ...(props.scenario?.variants ?? []).slice(0, 3).map((v) => ({
      businessCaseId: props.detail.id,
      version: null,
      variantId: v.id,
    })),
  ]);
  return (
    <>
      {props.canEdit ? (
        <Tooltip label={props.saveBlockedReason ?? ""} disabled={!props.saveBlockedReason} withArrow>
          <Button
            data-disabled={props.canSave ? undefined : true}
            aria-disabled={props.canSave ? undefined : true}
            onClick={(event) => {
              if (!props.canSave) {
                event.preventDefault();
                return;
              }
              props.onSave();
            }}
          >
            {t("businessCases.save.button")}
          </Button>
        </Tooltip>
      ) : null}
      <RouterButton variant="default" to="/business-cases/compare" search={{ items: compareItems }}>
        {t("businessCases.studio.compare")}
      </RouterButton>
      <RouterButton
        variant="default"
        to="/business-cases/$businessCaseId/print"
        params={{ businessCaseId: props.detail.id }}
        search={{ variant: props.variantId ?? undefined }}
      >
        {t("businessCases.studio.print")}
      </RouterButton>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default">{t("businessCases.studio.more")}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("businessCases.studio.exportLabel")}</Menu.Label>
          <Menu.Item component="a" href={businessCaseXlsxUrl(props.detail.id, props.savedVersion)} download>
            {t("businessCases.studio.downloadXlsx", { version: props.savedVersion })}
          </Menu.Item>
          <Menu.Item onClick={props.onExportJson}>{t("businessCases.studio.exportJson")}</Menu.Item>
          {props.canEdit ? (
            <>
              <Menu.Divider />
              <Menu.Label>{t("businessCases.studio.editLabel")}</Menu.Label>
              <Menu.Item onClick={() => fileRef.current?.click()}>
                {t("businessCases.import.button")}
              </Menu.Item>
              <Menu.Item onClick={props.onEditDetails}>{t("businessCases.details.button")}</Menu.Item>
              <Menu.Item onClick={props.onDuplicate}>{t("businessCases.duplicate.button")}</Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        style={{ display: "none" }}
        tabIndex={-1}
        aria-hidden="true"
        onChange={async (event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = "";
          if (!file) return;
          const read = await readScenarioFile(file);
          if (read.ok) props.onImport(read.scenario, file.name);
          else props.onImportProblem(t(`businessCases.import.problems.${read.problem}`, { name: file.name }));
        }}
      />
    </>
  );
}
