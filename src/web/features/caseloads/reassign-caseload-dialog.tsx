import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { TableScroll } from "../../components/table-scroll.js";
import { isApiError } from "../../lib/api-error.js";
import { focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { todayInDenmark } from "../families/case-dates.js";
import { CaseloadStatusBadge, useWeightedFamilies } from "./caseload-load.js";
import { type CaseloadReassignPlan, type CaseloadWorker, useReassignCaseload } from "./caseload-queries.js";

interface ReassignValues {
  scope: "all" | "some";
  courseIds: string[];
  toUserIds: string[];
  on: string;
  overrideReason: string;
}

interface ReassignCaseloadDialogProps {
  worker: CaseloadWorker;
  /** Everyone on the board (the receivers are the worker's colleagues in the same organisation). */
  workers: readonly CaseloadWorker[];
  onClose: () => void;
}

/**
 * "Flyt sager": moves some of a worker's courses, or the whole caseload, to colleagues from a day.
 * First a preview (the API's dry run: where each course goes, each receiver's load after); then the
 * move itself. Over a receiver's hard limit the server refuses unless the team leader gives a reason.
 */
export function ReassignCaseloadDialog({ worker, workers, onClose }: ReassignCaseloadDialogProps) {
  const { t } = useTranslation();
  const families = useWeightedFamilies();
  const formRef = useRef<HTMLFormElement>(null);
  const reassign = useReassignCaseload();
  const [plan, setPlan] = useState<CaseloadReassignPlan | null>(null);
  const receivers = workers.filter(
    (w) => w.userId !== worker.userId && w.organisationName === worker.organisationName,
  );
  const sortedCourses = [...worker.families].sort((a, b) => a.familyName.localeCompare(b.familyName, "da"));
  const form = useForm<ReassignValues>({
    initialValues: {
      scope: "some",
      courseIds: [],
      toUserIds: receivers.length === 1 && receivers[0] ? [receivers[0].userId] : [],
      on: todayInDenmark(),
      overrideReason: "",
    },
    validate: {
      courseIds: (value, values) =>
        values.scope === "some" && value.length === 0 ? t("caseload.reassign.chooseCourses") : null,
      toUserIds: (value) => (value.length === 0 ? t("caseload.reassign.chooseReceivers") : null),
      on: (value) => (value ? null : t("validation.required")),
    },
  });
  const submit = useFormSubmit(form, formRef);

  const request = (values: ReassignValues, dryRun: boolean) => ({
    fromUserId: worker.userId,
    toUserIds: values.toUserIds,
    ...(values.scope === "some" ? { courseIds: values.courseIds } : {}),
    on: values.on,
    ...(values.overrideReason.trim() ? { overrideReason: values.overrideReason.trim() } : {}),
    dryRun,
  });

  const preview = async (values: ReassignValues) => {
    setPlan(await reassign.mutateAsync(request(values, true)));
  };

  const apply = async (values: ReassignValues) => {
    try {
      const applied = await reassign.mutateAsync(request(values, false));
      notifySuccess(t("caseload.reassign.done", { count: applied.moves.length }));
      onClose();
    } catch (error) {
      // Refused over the hard limit: point at the reason the team leader must give.
      if (isApiError(error, "CONFLICT") && plan?.needsOverride && !values.overrideReason.trim()) {
        form.setFieldError("overrideReason", t("caseload.reassign.reasonRequired"));
        focusFirstInvalidField(formRef.current);
      }
      throw error;
    }
  };

  // Any change of the choices makes the preview stale: back to the choices.
  const backToChoices = () => {
    setPlan(null);
    submit.setError(null);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("caseload.reassign.title", { name: worker.name })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) => submit.run(() => (plan ? apply(values) : preview(values))),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          {plan ? (
            <ReassignPreview worker={worker} plan={plan} />
          ) : (
            <>
              <Text size="sm">{t("caseload.reassign.intro")}</Text>
              {submit.error ? (
                <ErrorAlert error={submit.error} title={t("caseload.reassign.previewFailed")} />
              ) : null}
              <Radio.Group label={t("caseload.reassign.scope")} required {...form.getInputProps("scope")}>
                <Stack gap="xs" mt="xs">
                  <Radio value="some" label={t("caseload.reassign.scopeSome")} />
                  <Radio
                    value="all"
                    label={t("caseload.reassign.scopeAll", { count: worker.families.length })}
                    description={t("caseload.reassign.scopeAllHint")}
                  />
                </Stack>
              </Radio.Group>
              {form.values.scope === "some" ? (
                <Checkbox.Group
                  label={t("caseload.reassign.courses")}
                  required
                  {...form.getInputProps("courseIds")}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs" mt="xs">
                    {sortedCourses.map((f) => (
                      <Checkbox
                        key={f.courseId}
                        value={f.courseId}
                        label={f.familyName}
                        description={t("caseload.reassign.courseHint", {
                          track: f.trackName,
                          state: t(`casework.courseStates.${f.courseState}`),
                        })}
                      />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              ) : null}
              {receivers.length === 0 ? (
                <Alert color="gray" variant="light">
                  {t("caseload.reassign.noReceivers")}
                </Alert>
              ) : (
                <Checkbox.Group
                  label={t("caseload.reassign.receivers")}
                  description={t("caseload.reassign.receiversHint")}
                  required
                  {...form.getInputProps("toUserIds")}
                >
                  <Stack gap="xs" mt="xs">
                    {receivers.map((r) => (
                      <Checkbox
                        key={r.userId}
                        value={r.userId}
                        label={r.name}
                        description={t("caseload.reassign.receiverLoad", {
                          load: families(r.weightedLoadPct),
                          hard: r.limits.hardLimitFamilies,
                          status: t(`caseload.status.${r.status}`),
                        })}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
              <TextInput
                type="date"
                label={t("caseload.reassign.on")}
                description={t("caseload.reassign.onHint")}
                required
                style={{ maxWidth: 260 }}
                {...form.getInputProps("on")}
              />
            </>
          )}
          {plan?.needsOverride ? (
            <Textarea
              label={t("caseload.reassign.overrideReason")}
              description={t("caseload.reassign.overrideReasonHint")}
              required
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps("overrideReason")}
            />
          ) : null}
          {plan && submit.error ? (
            <ErrorAlert error={submit.error} title={t("caseload.reassign.notMoved")} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            {plan ? (
              <>
                <Button variant="default" onClick={backToChoices}>
                  {t("caseload.reassign.back")}
                </Button>
                {plan.moves.length > 0 ? (
                  <Button type="submit" loading={form.submitting}>
                    {t("caseload.reassign.confirm", { count: plan.moves.length })}
                  </Button>
                ) : null}
              </>
            ) : (
              <Button type="submit" loading={form.submitting} disabled={receivers.length === 0}>
                {t("caseload.reassign.preview")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The dry run: where each course goes, and each receiver's load before and after. */
function ReassignPreview({ worker, plan }: { worker: CaseloadWorker; plan: CaseloadReassignPlan }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const families = useWeightedFamilies();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The choices the focus was on are gone: start the preview's reading at its heading.
  useEffect(() => headingRef.current?.focus(), []);
  const trackOf = new Map(worker.families.map((f) => [f.courseId, f.trackName]));
  const over = plan.targets.filter((target) => target.status === "over-hard-limit");
  return (
    <Stack gap="md">
      <Title order={3} size="h4" ref={headingRef} tabIndex={-1}>
        {t("caseload.reassign.previewTitle")}
      </Title>
      {plan.moves.length === 0 ? (
        <Alert color="gray" variant="light">
          {t("caseload.reassign.nothingToMove", { date: format.date(plan.on) })}
        </Alert>
      ) : (
        <>
          <Text size="sm">
            {t("caseload.reassign.summary", {
              count: plan.moves.length,
              date: format.date(plan.on),
              endOld: format.date(plan.endOldOn),
            })}
          </Text>
          <TableScroll label={t("caseload.reassign.movesTitle")}>
            <Table striped withTableBorder bg="white" verticalSpacing="xs" miw={520}>
              <Table.Caption>{t("caseload.reassign.movesTitle")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("caseload.families.family")}</Table.Th>
                  <Table.Th scope="col">{t("caseload.families.track")}</Table.Th>
                  <Table.Th scope="col">{t("caseload.reassign.movesTo")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.moves.map((m) => (
                  <Table.Tr key={m.courseId}>
                    <Table.Th scope="row" fw={600}>
                      {m.familyName}
                    </Table.Th>
                    <Table.Td>{trackOf.get(m.courseId) ?? t("caseload.none")}</Table.Td>
                    <Table.Td>{m.toName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      )}
      <TableScroll label={t("caseload.reassign.targetsTitle")}>
        <Table striped withTableBorder bg="white" verticalSpacing="xs" miw={620}>
          <Table.Caption>{t("caseload.reassign.targetsTitle")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("caseload.reassign.receiver")}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {t("caseload.reassign.loadBefore")}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {t("caseload.reassign.loadAfter")}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {t("caseload.reassign.hardLimit")}
              </Table.Th>
              <Table.Th scope="col">{t("caseload.reassign.statusAfter")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.targets.map((target) => (
              <Table.Tr key={target.userId}>
                <Table.Th scope="row" fw={600}>
                  {target.name}
                </Table.Th>
                <Table.Td style={{ textAlign: "right" }}>{families(target.loadBeforePct)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }} fw={600}>
                  {families(target.loadAfterPct)}
                </Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{target.limits.hardLimitFamilies}</Table.Td>
                <Table.Td>
                  <CaseloadStatusBadge status={target.status} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {over.length > 0 ? (
        <Alert color="orange" variant="light" title={t("caseload.reassign.overTitle")}>
          {t("caseload.reassign.overText", {
            count: over.length,
            names: over.map((target) => target.name).join(", "),
          })}
        </Alert>
      ) : plan.moves.length > 0 ? (
        <Text size="sm">{t("caseload.reassign.withinLimits")}</Text>
      ) : null}
    </Stack>
  );
}
