/** One menu per item of the preview (rather than a row of buttons): a trigger named by its label and described by the item's text. */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ChevronDown16Regular } from '@fluentui/react-icons';

export interface MenuAction {
  readonly id: string;
  readonly label: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
}

export function ActionsMenu({ id, label, describedBy, actions }: { id?: string; label: string; describedBy: string; actions: readonly MenuAction[] }) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button id={id} size="small" icon={<ChevronDown16Regular />} iconPosition="after" aria-describedby={describedBy}>
          {label}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {actions.map((a) => (
            <MenuItem key={a.id} data-action={a.id} disabled={a.disabled} onClick={a.onSelect}>
              {a.label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
