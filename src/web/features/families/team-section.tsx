import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TEAM_ROLES } from "../../../contracts/casework.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { LoadingState } from "../../components/loading-state.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { todayInDenmark } from "./case-dates.js";
import type { CourseDetail, TeamMember } from "./casework-types.js";
import { EndDateDialog } from "./end-date-dialog.js";
import { useAddTeamMember, useEndTeamMember, useTeamCandidates } from "./family-queries.js";

/** "Sagsteamet": who works on the course, from when to when, in which role. */
export function TeamSection({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [isAdding, setIsAdding] = useState(false);
  const [ending, setEnding] = useState<TeamMember | null>(null);
  const canWrite = course.abilities.write;
  const team = [...course.team].sort((a, b) => Number(b.isActive) - Number(a.isActive));
  return (
    <SectionCard
      title={t("casework.team.title")}
      actions={
        canWrite ? (
          <Button variant="default" size="sm" onClick={() => setIsAdding(true)}>
            {t("casework.team.add")}
          </Button>
        ) : null
      }
    >
      {team.length === 0 ? (
        <Text c="dimmed">{t("casework.team.empty")}</Text>
      ) : (
        <TableScroll label={t("casework.team.title")}>
          <Table miw={760} striped withTableBorder bg="white" verticalSpacing="xs">
            <Table.Caption>{t("casework.team.title")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("casework.team.name")}</Table.Th>
                <Table.Th scope="col">{t("casework.team.role")}</Table.Th>
                <Table.Th scope="col">{t("casework.team.organisation")}</Table.Th>
                <Table.Th scope="col">{t("casework.team.period")}</Table.Th>
                <Table.Th scope="col">{t("casework.team.status")}</Table.Th>
                {canWrite ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("casework.members.actions")}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={600}>
                    {m.name}
                    {m.overrideReason ? (
                      <Text size="xs" c="dimmed" fw={400}>
                        {t("casework.team.override", { reason: m.overrideReason })}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{t(`casework.teamRoles.${m.role}`)}</Table.Td>
                  <Table.Td>{m.organisationName}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {m.toOn
                      ? t("casework.members.between", {
                          from: format.date(m.fromOn),
                          to: format.date(m.toOn),
                        })
                      : t("casework.members.since", { date: format.date(m.fromOn) })}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      variant={m.isActive ? "light" : "outline"}
                      color={m.isActive ? "green" : "gray"}
                    >
                      {m.isActive ? t("casework.team.active") : t("casework.team.ended")}
                    </Badge>
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td>
                      {m.toOn === null ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setEnding(m)}
                          aria-label={t("casework.team.endNamed", { name: m.name })}
                        >
                          {t("casework.team.end")}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {isAdding ? <AddTeamMemberDialog course={course} onClose={() => setIsAdding(false)} /> : null}
      {ending ? (
        <EndTeamMemberDialog courseId={course.id} member={ending} onClose={() => setEnding(null)} />
      ) : null}
    </SectionCard>
  );
}

interface AddTeamMemberValues {
  userId: string;
  role: (typeof TEAM_ROLES)[number];
  fromOn: string;
  overrideReason: string;
}

/**
 * Puts a caseworker or the provider's consultant on the case team. Over the hard caseload limit the
 * API answers 409 with the reason; a team leader (caseload.manage) may then give a reason and retry.
 */
function AddTeamMemberDialog({ course, onClose }: { course: CourseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const candidates = useTeamCandidates(course.id, true);
  const addMember = useAddTeamMember(course.id);
  const [caseloadMessage, setCaseloadMessage] = useState<string | null>(null);
  const form = useForm<AddTeamMemberValues>({
    initialValues: { userId: "", role: "caseworker", fromOn: todayInDenmark(), overrideReason: "" },
    validate: {
      userId: (value) => (value ? null : t("validation.choose")),
      fromOn: (value) => (value ? null : t("validation.required")),
      overrideReason: (value) =>
        caseloadMessage && course.abilities.manageCaseload && !value.trim() ? t("validation.required") : null,
    },
  });
  const submit = useFormSubmit(form, formRef);
  const activeIds = new Set(course.team.filter((m) => m.toOn === null).map((m) => m.userId));
  const available = (candidates.data?.items ?? []).filter((c) => !activeIds.has(c.userId));
  const byOrganisation = new Map<string, typeof available>();
  for (const c of available)
    byOrganisation.set(c.organisationName, [...(byOrganisation.get(c.organisationName) ?? []), c]);
  const chosen = available.find((c) => c.userId === form.values.userId);
  const mayOverride = caseloadMessage !== null && course.abilities.manageCaseload;

  const save = async (values: AddTeamMemberValues) => {
    try {
      await addMember.mutateAsync({
        userId: values.userId,
        role: values.role,
        fromOn: values.fromOn,
        ...(mayOverride ? { overrideReason: values.overrideReason.trim() } : {}),
      });
    } catch (error) {
      if (isApiError(error, "CONFLICT") && error.details.some((d) => d.path === "overrideReason")) {
        setCaseloadMessage(translateServerMessage(error.message));
        return;
      }
      throw error;
    }
    notifySuccess(t("casework.team.added", { name: chosen?.name ?? "" }));
    onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("casework.team.addTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {candidates.isPending ? (
        <LoadingState />
      ) : candidates.isError ? (
        <ErrorAlert error={candidates.error} />
      ) : available.length === 0 ? (
        <Stack gap="md">
          <Text>{t("casework.team.noCandidates")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.close")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          ref={formRef}
          noValidate
          onSubmit={form.onSubmit((v) => submit.run(() => save(v)), submit.onInvalid)}
        >
          <Stack gap="md">
            {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect
                label={t("casework.team.candidate")}
                required
                data={[
                  { value: "", label: t("common.choose") },
                  ...[...byOrganisation].map(([organisation, people]) => ({
                    group: organisation,
                    items: people.map((c) => ({
                      value: c.userId,
                      label: `${c.name} (${t(`casework.teamRoles.${c.role}`)})`,
                    })),
                  })),
                ]}
                {...form.getInputProps("userId")}
                onChange={(event) => {
                  const userId = event.currentTarget.value;
                  form.setFieldValue("userId", userId);
                  const candidate = available.find((c) => c.userId === userId);
                  if (candidate) form.setFieldValue("role", candidate.role);
                  setCaseloadMessage(null);
                }}
              />
              <NativeSelect
                label={t("casework.team.role")}
                required
                data={TEAM_ROLES.map((r) => ({ value: r, label: t(`casework.teamRoles.${r}`) }))}
                {...form.getInputProps("role")}
              />
              <TextInput
                type="date"
                label={t("casework.team.fromOn")}
                required
                {...form.getInputProps("fromOn")}
              />
            </SimpleGrid>
            {caseloadMessage ? (
              <Alert color="orange" variant="light" role="alert" title={t("casework.team.overrideTitle")}>
                <Stack gap="xs">
                  <Text size="sm">{caseloadMessage}</Text>
                  <Text size="sm">
                    {course.abilities.manageCaseload
                      ? t("casework.team.overrideHint")
                      : t("casework.team.overrideNotAllowed")}
                  </Text>
                </Stack>
              </Alert>
            ) : null}
            {mayOverride ? (
              <Textarea
                label={t("casework.team.overrideReason")}
                required
                autosize
                minRows={2}
                {...form.getInputProps("overrideReason")}
              />
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button
                type="submit"
                loading={form.submitting}
                disabled={caseloadMessage !== null && !mayOverride}
              >
                {t("casework.team.addConfirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function EndTeamMemberDialog({
  courseId,
  member,
  onClose,
}: {
  courseId: string;
  member: TeamMember;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const endMember = useEndTeamMember(courseId);
  return (
    <EndDateDialog
      title={t("casework.team.endTitle", { name: member.name })}
      dateLabel={t("casework.team.endDate")}
      submitLabel={t("casework.team.end")}
      successMessage={t("casework.team.endedNotice", { name: member.name })}
      minDate={member.fromOn}
      onEnd={(toOn) => endMember.mutateAsync({ memberId: member.id, toOn })}
      onClose={onClose}
    />
  );
}
