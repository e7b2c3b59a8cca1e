import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { AnchorHTMLAttributes, Ref } from "react";

type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "color" | "style"> & {
  ref?: Ref<HTMLAnchorElement>;
};

function MantineAnchor(props: AnchorProps & AnchorAttributes) {
  return <Anchor {...props} />;
}

function MantineButtonAnchor(props: ButtonProps & AnchorAttributes) {
  return <Button component="a" {...props} />;
}

function MantineNavLinkAnchor(
  props: Omit<NavLinkProps, "active"> & AnchorAttributes & { "data-status"?: string },
) {
  return <NavLink component="a" active={props["data-status"] === "active"} {...props} />;
}

/** A router link styled as Mantine's Anchor: `<RouterAnchor to="/projects/$projectId" params={…}>`. */
export const RouterAnchor = createLink(MantineAnchor);
/** A router link that looks like a button (for "Opret projekt" and other navigation). */
export const RouterButton = createLink(MantineButtonAnchor);
/** A navbar entry; marked active (and aria-current="page") when its route matches. */
export const RouterNavLink = createLink(MantineNavLinkAnchor);
