import {
  ActionIcon,
  type ActionIconProps,
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Mantine draws the element, the router owns navigation and the active state.
function AnchorBase(props: AnchorProps & ComponentPropsWithRef<'a'>) {
  return <Anchor component="a" {...props} />;
}

function ButtonBase(props: ButtonProps & ComponentPropsWithRef<'a'>) {
  return <Button component="a" {...props} />;
}

function ActionIconBase(props: ActionIconProps & ComponentPropsWithRef<'a'>) {
  return <ActionIcon component="a" {...props} />;
}

function NavLinkBase(props: NavLinkProps & ComponentPropsWithRef<'a'>) {
  return <NavLink component="a" {...props} />;
}

export const AnchorLink = createLink(AnchorBase);
export const ButtonLink = createLink(ButtonBase);
export const ActionIconLink = createLink(ActionIconBase);
export const NavLinkLink = createLink(NavLinkBase);
