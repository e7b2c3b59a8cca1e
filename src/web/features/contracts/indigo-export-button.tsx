import { Button, Group, Modal, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { INDIGO_DEFAULT_VISIBILITY, INDIGO_SECTIONS } from "../../../domain/contract/index.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useIndigoExport } from "./contract-queries.js";
import type { ContractDetail } from "./contract-types.js";

type Visibility = "PUBLIC" | "PRIVATE";

/** A file name from the contract's title: "indigo-resultatbaseret-familiebehandling-vejle.json". */
export function indigoFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `indigo-${slug || "kontrakt"}.json`;
}

function download(json: unknown, fileName: string) {
  const blob = new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Eksportér INDIGO": the contract and its results in the INDIGO format (Government Outcomes Lab),
 * each section marked public or private, downloaded as a JSON file.
 */
export function IndigoExportButton({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open}>
        {t("contracts.indigo.open")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        size="lg"
        title={t("contracts.indigo.title")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <IndigoForm contract={contract} onClose={close} />
      </Modal>
    </>
  );
}

function IndigoForm({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const exportIndigo = useIndigoExport(contract.id);
  const sectionLabel = (section: string) =>
    t(`contracts.indigo.sections.${section}`, { defaultValue: section.replace(/_/g, " ") });
  const [visibility, setVisibility] = useState<Record<string, Visibility>>(() =>
    Object.fromEntries(INDIGO_SECTIONS.map((s) => [s, INDIGO_DEFAULT_VISIBILITY[s] ?? "PRIVATE"])),
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        // Only the sections changed from the defaults are sent, so that the defaults' more specific
        // keys (e.g. the actual number of beneficiaries, private by default) still apply.
        const changed = Object.fromEntries(
          Object.entries(visibility).filter(
            ([section, status]) => INDIGO_DEFAULT_VISIBILITY[section] !== status,
          ),
        );
        exportIndigo.mutate(changed, {
          onSuccess: (json) => {
            download(json, indigoFileName(contract.title));
            notifySuccess(t("contracts.indigo.done"));
            onClose();
          },
        });
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t("contracts.indigo.intro")}</Text>
        <Table withTableBorder>
          <Table.Caption>{t("contracts.indigo.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("contracts.indigo.section")}</Table.Th>
              <Table.Th scope="col">{t("contracts.indigo.visibility")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {INDIGO_SECTIONS.map((section) => (
              <Table.Tr key={section}>
                <Table.Th scope="row" fw={400}>
                  {sectionLabel(section)}
                </Table.Th>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={t("contracts.indigo.visibilityOf", { section: sectionLabel(section) })}
                    value={visibility[section] ?? "PRIVATE"}
                    onChange={(value) =>
                      setVisibility((prev) => ({ ...prev, [section]: value as Visibility }))
                    }
                    data={[
                      { value: "PUBLIC", label: t("contracts.indigo.public") },
                      { value: "PRIVATE", label: t("contracts.indigo.private") },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {exportIndigo.error ? (
          <ErrorAlert error={exportIndigo.error} title={t("contracts.indigo.failed")} />
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={exportIndigo.isPending}>
            {t("contracts.indigo.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
