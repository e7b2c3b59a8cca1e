import { Button, Group, NativeSelect, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useBusinessCases, useBusinessCaseVersions } from "./business-case-queries.js";
import type { CompareItem } from "./business-case-search.js";

/** "Tilføj til sammenligning": a business case, one of its saved versions and a variant. */
export function ComparePicker({ onAdd, isFull }: { onAdd: (item: CompareItem) => void; isFull: boolean }) {
  const { t } = useTranslation();
  const list = useBusinessCases();
  const [businessCaseId, setBusinessCaseId] = useState("");
  const [version, setVersion] = useState("");
  const [variantId, setVariantId] = useState("");
  const versions = useBusinessCaseVersions(businessCaseId, businessCaseId !== "");
  const items = versions.data?.items ?? [];
  const chosen = version ? items.find((v) => String(v.version) === version) : items[0];
  const variants = chosen?.scenario.variants ?? [];

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <NativeSelect
        label={t("businessCases.compare.businessCase")}
        value={businessCaseId}
        data={[
          { value: "", label: t("common.choose") },
          ...(list.data?.items ?? []).map((bc) => ({ value: bc.id, label: bc.name })),
        ]}
        onChange={(event) => {
          setBusinessCaseId(event.currentTarget.value);
          setVersion("");
          setVariantId("");
        }}
        style={{ flex: "2 1 280px" }}
      />
      <NativeSelect
        label={t("businessCases.versions.version")}
        value={version}
        disabled={!businessCaseId}
        data={[
          { value: "", label: t("businessCases.compare.currentVersion") },
          ...items.map((v) => ({
            value: String(v.version),
            label: t("businessCases.versions.versionOption", { version: v.version, note: v.note || "–" }),
          })),
        ]}
        onChange={(event) => {
          setVersion(event.currentTarget.value);
          setVariantId("");
        }}
        style={{ flex: "1 1 200px" }}
      />
      <NativeSelect
        label={t("businessCases.compare.variant")}
        value={variantId}
        disabled={!businessCaseId}
        data={[
          { value: "", label: t("businessCases.compare.baseScenario") },
          ...variants.map((v) => ({ value: v.id, label: v.name })),
        ]}
        onChange={(event) => setVariantId(event.currentTarget.value)}
        style={{ flex: "1 1 200px" }}
      />
      <Button
        variant="default"
        disabled={!businessCaseId || isFull}
        onClick={() => {
          onAdd({ businessCaseId, version: version ? Number(version) : null, variantId: variantId || null });
          setVariantId("");
        }}
      >
        {t("businessCases.compare.add")}
      </Button>
      {isFull ? (
        <Text size="sm" c="dimmed">
          {t("businessCases.compare.full")}
        </Text>
      ) : null}
    </Group>
  );
}
