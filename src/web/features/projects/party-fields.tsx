import { Button, Fieldset, Group, NativeSelect, Stack, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../contracts/admin.js";
import { PROJECT_PARTS } from "../../../domain/access/index.js";
import { newParty, type ProjectFormValues } from "./project-form-values.js";

type ProjectForm = UseFormReturnType<ProjectFormValues>;

/** The organisations taking part in the project and their part (payer, provider, investor …). */
export function PartyFields({ form, organisations }: { form: ProjectForm; organisations: Organisation[] }) {
  const { t } = useTranslation();
  const parties = form.values.parties;
  const organisationOptions = [
    { value: "", label: t("common.choose") },
    ...organisations.map((o) => ({ value: o.id, label: `${o.name} (${t(`organisationKinds.${o.kind}`)})` })),
  ];
  const partOptions = [
    { value: "", label: t("common.choose") },
    ...PROJECT_PARTS.map((part) => ({ value: part, label: t(`projectParts.${part}`) })),
  ];
  return (
    <Fieldset legend={t("projects.partiesTitle")} variant="unstyled">
      <Stack gap="sm">
        {parties.length === 0 ? <Text c="dimmed">{t("projects.noPartiesYet")}</Text> : null}
        {parties.map((party, index) => (
          <Fieldset key={party.key} legend={t("projects.partyLegend", { number: index + 1 })} bg="white">
            <Group align="flex-end" gap="md" wrap="wrap">
              <NativeSelect
                label={t("fields.organisation")}
                data={organisationOptions}
                required
                style={{ flex: "2 1 260px" }}
                {...form.getInputProps(`parties.${index}.organisationId`)}
              />
              <NativeSelect
                label={t("projects.part")}
                data={partOptions}
                required
                style={{ flex: "1 1 180px" }}
                {...form.getInputProps(`parties.${index}.part`)}
              />
              <Button
                variant="subtle"
                color="red"
                aria-label={t("projects.removePartyNamed", { number: index + 1 })}
                onClick={() => form.removeListItem("parties", index)}
              >
                {t("tracks.remove")}
              </Button>
            </Group>
          </Fieldset>
        ))}
        <div>
          <Button variant="default" onClick={() => form.insertListItem("parties", newParty())}>
            {t("projects.addParty")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
