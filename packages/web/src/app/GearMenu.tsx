import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { SettingsRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';

export interface GearMenuItem {
  to: string;
  label: string;
}

/**
 * The header's gear menu (Billing, Activity log, Report a problem, …). Its own chunk: Fluent's
 * Menu brings positioning code the first screen does not need (the bundle budget, issue 6).
 */
export function GearMenu({
  label,
  items,
  defaultOpen = false,
}: {
  label: string;
  items: GearMenuItem[];
  /** Open at once: the gear was clicked while this was still loading. */
  defaultOpen?: boolean;
}) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(defaultOpen);
  return (
    <Menu open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<SettingsRegular />} aria-label={label} title={label} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {items.map((item) => (
            <MenuItem key={item.to} onClick={() => void navigate(item.to)}>
              {item.label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
