import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentPurpose } from "../../../domain/casework/consent.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import type { FamilyDetail, ReferralDetail } from "../families/casework-types.js";
import { ConsentDialog } from "../families/consent-dialog.js";

/**
 * "Godkendelsestjek": what stands in the way of accepting (red: blocking) or deserves a second
 * thought (yellow: warning), with a shortcut to record the missing consents.
 */
export function AcceptanceCheck({
  referral,
  family,
}: {
  referral: ReferralDetail;
  family: FamilyDetail | undefined;
}) {
  const { t } = useTranslation();
  const [isRecording, setIsRecording] = useState(false);
  // The "state" problem only repeats what the status badge says; the screening step comes first.
  const problems = referral.acceptance.problems.filter((p) => p.code !== "state");
  const consentPurposes = [
    ...new Set(problems.flatMap((p) => (p.purpose && p.code.startsWith("consent") ? [p.purpose] : []))),
  ] as ConsentPurpose[];
  const blocking = problems.filter((p) => p.severity === "blocking");
  const warnings = problems.filter((p) => p.severity === "warning");

  return (
    <SectionCard title={t("casework.referral.checkTitle")}>
      {problems.length === 0 ? (
        <Alert color="green" variant="light">
          {t("casework.referral.checkOk")}
        </Alert>
      ) : (
        <Stack gap="sm">
          {blocking.map((p) => (
            <Alert
              key={`${p.code}-${p.purpose ?? ""}`}
              color="red"
              variant="light"
              title={t("casework.referral.checkBlocking")}
            >
              {translateServerMessage(p.message)}
            </Alert>
          ))}
          {warnings.map((p) => (
            <Alert
              key={`${p.code}-${p.purpose ?? ""}`}
              color="orange"
              variant="light"
              title={t("casework.referral.checkWarning")}
            >
              {translateServerMessage(p.message)}
            </Alert>
          ))}
        </Stack>
      )}
      {consentPurposes.length > 0 && family ? (
        <Group gap="md">
          {referral.abilities.write && family.abilities.write ? (
            <Button variant="default" onClick={() => setIsRecording(true)}>
              {t("casework.consents.record")}
            </Button>
          ) : null}
          <Text size="sm">
            <RouterAnchor to="/families/$familyId" params={{ familyId: family.id }} search={{}}>
              {t("casework.consents.seeFamily")}
            </RouterAnchor>
          </Text>
        </Group>
      ) : null}
      {isRecording && family ? (
        <ConsentDialog
          family={family}
          initialPurposes={consentPurposes}
          onClose={() => setIsRecording(false)}
        />
      ) : null}
    </SectionCard>
  );
}
