import { Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { RouterNavLink } from "../components/router-links.js";
import { useCan } from "../lib/use-can.js";
import { NAV_GROUPS, type NavGroup } from "./nav-items.js";

function NavSection({ group, onNavigate }: { group: NavGroup; onNavigate: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const headingId = useId();
  const items = group.items.filter((item) => !item.permission || can(item.permission));
  if (items.length === 0) return null;
  return (
    <div>
      {group.labelKey ? (
        <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
          {t(group.labelKey)}
        </Text>
      ) : null}
      <ul
        aria-labelledby={group.labelKey ? headingId : undefined}
        style={{ listStyle: "none", margin: 0, padding: 0 }}
      >
        {items.map((item) => (
          <li key={item.to}>
            <RouterNavLink
              to={item.to}
              label={t(item.labelKey)}
              activeOptions={{ exact: item.exact ?? false }}
              onClick={onNavigate}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The navbar's links: only what the signed-in user can do. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  return (
    <Stack gap={0}>
      {NAV_GROUPS.map((group) => (
        <NavSection key={group.labelKey ?? "main"} group={group} onNavigate={onNavigate} />
      ))}
    </Stack>
  );
}
