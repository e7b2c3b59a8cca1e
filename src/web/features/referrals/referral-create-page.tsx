import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Project } from "../../../contracts/admin.js";
import { ReferralCreateInputSchema } from "../../../contracts/casework.js";
import { reachOf } from "../../../domain/access/index.js";
import { HOUSEHOLD_ROLES } from "../../../domain/casework/household.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import { focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { notifySuccess } from "../../lib/notify.js";
import { useCurrentMe } from "../../lib/use-me.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import { todayInDenmark } from "../families/case-dates.js";
import type { FamilyDetail } from "../families/casework-types.js";
import { DuplicateWarnings, useDuplicateChecks } from "../families/duplicate-warnings.js";
import { useCaseworkers, useFamily } from "../families/family-queries.js";
import { PersonFields } from "../families/person-fields.js";
import { useProjects } from "../projects/project-queries.js";
import {
  emptyReferralForm,
  formPathOf,
  newMember,
  type ReferralFormValues,
  toReferralInput,
} from "./referral-form-values.js";
import { useCreateReferral } from "./referral-queries.js";

/** Examples of the legal basis a Danish municipality refers on (free text; these are suggestions). */
const LEGAL_BASIS_SUGGESTIONS = ["Barnets lov § 32", "Barnets lov § 30", "Barnets lov § 20"];

type ReferralForm = UseFormReturnType<ReferralFormValues>;

/** "Ny henvisning": refer a new family (with its members) or a known one to a project's track. */
export function ReferralCreatePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: "/referrals/new" });
  const familyId = search.familyId;
  const family = useFamily(familyId ?? "", { enabled: Boolean(familyId) });
  const projects = useProjects();
  const title = t("casework.newReferral.title");
  return (
    <>
      <PageHeader
        title={title}
        description={t("casework.newReferral.description")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/referrals" search={{}} size="sm">
              {t("casework.referrals.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      <QueryState query={projects}>
        {(page) =>
          familyId ? (
            <QueryState query={family}>
              {(f) => <ReferralCreateForm projects={page.items} family={f} />}
            </QueryState>
          ) : (
            <ReferralCreateForm projects={page.items} family={undefined} />
          )
        }
      </QueryState>
    </>
  );
}

/** The projects the user may refer to: open projects of a municipality where they hold family.write. */
function useReferableProjects(projects: Project[], family: FamilyDetail | undefined): Project[] {
  const me = useCurrentMe();
  const organisations = new Set(
    me.memberships
      .filter((m) => m.organisationKind === "municipality" && reachOf(m.role, "family.write") !== undefined)
      .map((m) => m.organisationId),
  );
  return projects.filter(
    (p) =>
      p.status !== "closed" &&
      organisations.has(p.organisationId) &&
      (!family || p.organisationId === family.organisationId),
  );
}

function ReferralCreateForm({ projects, family }: { projects: Project[]; family: FamilyDetail | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const createReferral = useCreateReferral();
  const duplicates = useDuplicateChecks();
  const [error, setError] = useState<unknown>(null);
  const [ackErrors, setAckErrors] = useState<Record<string, string>>({});
  const today = todayInDenmark();
  const referable = useReferableProjects(projects, family);
  const validateWithSchema = zodFormValidator<ReferralFormValues>(ReferralCreateInputSchema, (v) =>
    toReferralInput(v, family?.id),
  );
  const form = useForm<ReferralFormValues>({
    initialValues: {
      ...emptyReferralForm(today, me.user.id),
      ...(referable.length === 1
        ? {
            projectId: referable[0]!.id,
            trackId: referable[0]!.tracks.length === 1 ? referable[0]!.tracks[0]!.id : "",
          }
        : {}),
      ...(family
        ? {
            childIds: family.members.filter((m) => m.isCurrent && m.role === "child").map((m) => m.person.id),
          }
        : {}),
    },
    validate: (values) => {
      const mapped: Record<string, string> = {};
      for (const [path, message] of Object.entries(validateWithSchema(values))) {
        const at = formPathOf(path);
        if (at && typeof message === "string" && !mapped[at]) mapped[at] = message;
      }
      return mapped;
    },
  });
  const values = form.getValues();
  const project = referable.find((p) => p.id === values.projectId);
  const caseworkers = useCaseworkers(project?.organisationId ?? null);

  const checkMember = async (index: number) => {
    const member = form.getValues().members[index];
    if (!member) return { ok: true };
    const result = await duplicates.check(member.key, member.person);
    for (const [field, message] of Object.entries(result.fieldErrors))
      form.setFieldError(`members.${index}.person.${field}`, message);
    const hasFieldErrors = Object.keys(result.fieldErrors).length > 0;
    const isSameCpr = result.warnings.some((w) => w.match === "same-cpr");
    const needsAck = result.warnings.length > 0 && !member.acknowledgeDuplicates;
    return { ok: !hasFieldErrors && !isSameCpr && !needsAck, needsAck, key: member.key };
  };

  const submit = async (v: ReferralFormValues) => {
    setError(null);
    if (!family) {
      // The duplicate check before saving: every warning must be answered.
      const results = await Promise.all(v.members.map((_, index) => checkMember(index)));
      const unanswered: Record<string, string> = {};
      for (const r of results)
        if (r.needsAck && r.key) unanswered[r.key] = t("casework.duplicates.mustAcknowledge");
      setAckErrors(unanswered);
      if (results.some((r) => !r.ok)) {
        focusFirstInvalidField(formRef.current);
        return;
      }
    }
    try {
      const referral = await createReferral.mutateAsync(toReferralInput(v, family?.id));
      notifySuccess(t("casework.newReferral.submitted", { family: referral.familyName }));
      await navigate({ to: "/referrals/$referralId", params: { referralId: referral.id } });
    } catch (e) {
      if (isApiError(e)) {
        const fieldErrors: Record<string, string> = {};
        for (const d of e.details) {
          const at = formPathOf(d.path);
          if (at && !fieldErrors[at]) fieldErrors[at] = translateServerMessage(d.message);
        }
        // A member that may be a duplicate: ask again, so the warning and "Det er en anden person" show.
        const flagged = e.details.flatMap((d) => {
          const m = /^newFamily\.members\.(\d+)\.person$/.exec(d.path);
          return m ? [Number(m[1])] : [];
        });
        await Promise.all(flagged.map((index) => checkMember(index)));
        if (Object.keys(fieldErrors).length > 0) {
          form.setErrors(fieldErrors);
          focusFirstInvalidField(formRef.current);
        }
      }
      setError(e);
    }
  };

  if (referable.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {t("casework.newReferral.noProjects")}
      </Alert>
    );
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(submit, () => focusFirstInvalidField(formRef.current))}
    >
      <Stack gap="lg">
        {error ? <ErrorAlert error={error} title={t("casework.newReferral.notSubmitted")} /> : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="xl">
            <Fieldset legend={t("casework.newReferral.projectSection")} variant="unstyled">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <NativeSelect
                  label={t("casework.newReferral.project")}
                  required
                  data={[
                    { value: "", label: t("common.choose") },
                    ...referable.map((p) => ({ value: p.id, label: p.name })),
                  ]}
                  {...form.getInputProps("projectId")}
                  onChange={(event) => {
                    const next = referable.find((p) => p.id === event.currentTarget.value);
                    form.setFieldValue("projectId", event.currentTarget.value);
                    form.setFieldValue(
                      "trackId",
                      next?.tracks.length === 1 ? (next.tracks[0]?.id ?? "") : "",
                    );
                  }}
                />
                <NativeSelect
                  label={t("casework.newReferral.track")}
                  required
                  disabled={!project}
                  data={[
                    {
                      value: "",
                      label: project ? t("common.choose") : t("casework.newReferral.chooseProjectFirst"),
                    },
                    ...(project?.tracks ?? []).map((track) => ({
                      value: track.id,
                      label: t("casework.newReferral.capacity", {
                        name: track.name,
                        count: track.capacityFamilies,
                      }),
                    })),
                  ]}
                  {...form.getInputProps("trackId")}
                />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t("casework.newReferral.referralSection")} variant="unstyled">
              <Stack gap="md">
                <Textarea
                  label={t("casework.newReferral.reason")}
                  description={t("casework.newReferral.reasonHint")}
                  required
                  autosize
                  minRows={3}
                  maxRows={10}
                  {...form.getInputProps("reason")}
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  <Autocomplete
                    label={t("casework.newReferral.legalBasis")}
                    description={t("casework.newReferral.legalBasisHint")}
                    required
                    data={LEGAL_BASIS_SUGGESTIONS}
                    {...form.getInputProps("legalBasis")}
                  />
                  <TextInput
                    type="date"
                    label={t("casework.newReferral.referredOn")}
                    required
                    max={today}
                    {...form.getInputProps("referredOn")}
                  />
                  {caseworkers.data && caseworkers.data.length > 0 ? (
                    <NativeSelect
                      label={t("casework.newReferral.caseworker")}
                      required
                      data={[
                        ...(caseworkers.data.some((c) => c.id === me.user.id)
                          ? []
                          : [{ value: me.user.id, label: me.user.displayName }]),
                        ...caseworkers.data.map((c) => ({ value: c.id, label: c.name })),
                      ]}
                      {...form.getInputProps("caseworkerUserId")}
                    />
                  ) : null}
                </SimpleGrid>
              </Stack>
            </Fieldset>
          </Stack>
        </Paper>
        {family ? (
          <KnownFamilyFields form={form} family={family} />
        ) : (
          <NewFamilyFields
            form={form}
            duplicates={duplicates}
            ackErrors={ackErrors}
            onAcknowledged={(key) => setAckErrors((errors) => ({ ...errors, [key]: "" }))}
            onIdentityBlur={(index) => void checkMember(index)}
          />
        )}
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {t("casework.newReferral.submit")}
          </Button>
          <RouterButton variant="default" to="/referrals" search={{}}>
            {t("common.cancel")}
          </RouterButton>
        </Group>
      </Stack>
    </form>
  );
}

function KnownFamilyFields({ form, family }: { form: ReferralForm; family: FamilyDetail }) {
  const { t } = useTranslation();
  const children = family.members.filter((m) => m.isCurrent && m.role === "child");
  return (
    <Paper withBorder radius="md" p="lg">
      <Fieldset legend={t("casework.newReferral.familySection")} variant="unstyled">
        <Stack gap="md">
          <Text>{t("casework.newReferral.existingFamily", { name: family.name })}</Text>
          {children.length > 0 ? (
            <Checkbox.Group
              label={t("casework.newReferral.childrenLegend")}
              {...form.getInputProps("childIds")}
            >
              <Stack gap="xs" mt="xs">
                {children.map((c) => (
                  <Checkbox
                    key={c.person.id}
                    value={c.person.id}
                    label={`${c.person.firstName} ${c.person.lastName}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
        </Stack>
      </Fieldset>
    </Paper>
  );
}

interface NewFamilyFieldsProps {
  form: ReferralForm;
  duplicates: ReturnType<typeof useDuplicateChecks>;
  ackErrors: Record<string, string>;
  onAcknowledged: (key: string) => void;
  onIdentityBlur: (index: number) => void;
}

function NewFamilyFields({
  form,
  duplicates,
  ackErrors,
  onAcknowledged,
  onIdentityBlur,
}: NewFamilyFieldsProps) {
  const { t } = useTranslation();
  const members = form.getValues().members;
  const today = todayInDenmark();
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Fieldset legend={t("casework.newReferral.familySection")} variant="unstyled">
          <TextInput
            label={t("casework.newReferral.familyName")}
            description={t("casework.newReferral.familyNameHint")}
            required
            style={{ maxWidth: 480 }}
            {...form.getInputProps("familyName")}
          />
        </Fieldset>
      </Paper>
      <Fieldset legend={t("casework.newReferral.membersSection")} variant="unstyled">
        {members.map((member, index) => (
          <Fieldset
            key={member.key}
            legend={t("casework.person.legend", { number: index + 1 })}
            mb="md"
            bg="white"
          >
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                <NativeSelect
                  label={t("casework.person.role")}
                  required
                  data={[
                    { value: "", label: t("common.choose") },
                    ...HOUSEHOLD_ROLES.map((r) => ({ value: r, label: t(`casework.householdRoles.${r}`) })),
                  ]}
                  {...form.getInputProps(`members.${index}.role`)}
                />
                <TextInput
                  type="date"
                  label={t("casework.person.fromOn")}
                  required
                  {...form.getInputProps(`members.${index}.fromOn`)}
                />
              </SimpleGrid>
              <PersonFields
                form={form}
                path={`members.${index}.person`}
                values={member.person}
                onIdentityBlur={() => onIdentityBlur(index)}
              />
              <DuplicateWarnings
                warnings={duplicates.warningsOf(member.key, member.person)}
                isChecking={duplicates.isChecking(member.key)}
                acknowledged={member.acknowledgeDuplicates}
                onAcknowledge={(checked) => {
                  form.setFieldValue(`members.${index}.acknowledgeDuplicates`, checked);
                  if (checked) onAcknowledged(member.key);
                }}
                error={ackErrors[member.key] || null}
              />
              {members.length > 1 ? (
                <Group justify="flex-end">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    aria-label={t("casework.person.removeNamed", { number: index + 1 })}
                    onClick={() => form.removeListItem("members", index)}
                  >
                    {t("casework.person.remove")}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Fieldset>
        ))}
        {typeof form.errors.members === "string" ? (
          <Text role="alert" c="red.9" size="sm" mb="sm">
            {form.errors.members}
          </Text>
        ) : null}
        <Button variant="default" onClick={() => form.insertListItem("members", newMember("child", today))}>
          {t("casework.person.add")}
        </Button>
      </Fieldset>
    </Stack>
  );
}
