import { nextTick, ref, type Ref } from 'vue';
import type { LocalItemInput } from '@/domain/localItems';
import type { LocalItem } from '@/domain/types';
import { useI18n } from '@/i18n';
import { useLocalItemsStore } from '@/stores/localItems';

/** What opens the remove dialog: the section's ConfirmDialog. */
interface Dialog {
  open: () => void;
}

/**
 * Adding, editing, removing and restoring a goal's own statements inline. After each, focus goes
 * back to the control that opened the form (or to the section's heading when that control is gone),
 * and what happened is said in `message` for a screen reader.
 */
export function useLocalItemEditing(goalId: () => string, levelCount: () => number, root: Ref<HTMLElement | undefined>, dialog: Ref<Dialog | undefined>) {
  const { t } = useI18n();
  const store = useLocalItemsStore();
  const adding = ref(false);
  const editingId = ref<string>();
  const removing = ref<{ item: LocalItem; answered: boolean }>();
  const message = ref('');

  async function focus(selector: string): Promise<void> {
    await nextTick();
    const target = root.value?.querySelector<HTMLElement>(selector) ?? root.value?.querySelector<HTMLElement>('[data-local-heading]');
    target?.focus();
  }
  const editControl = (item: LocalItem): string => `[data-local-edit="${CSS.escape(item.id)}"]`;

  async function add(input: LocalItemInput): Promise<void> {
    await store.add(goalId(), input, levelCount());
    adding.value = false;
    await focus('[data-local-add]');
  }

  async function cancelAdd(): Promise<void> {
    adding.value = false;
    await focus('[data-local-add]');
  }

  async function save(item: LocalItem, input: LocalItemInput): Promise<void> {
    await store.update(item, input, levelCount());
    editingId.value = undefined;
    await focus(editControl(item));
  }

  async function cancelEdit(item: LocalItem): Promise<void> {
    editingId.value = undefined;
    await focus(editControl(item));
  }

  async function askRemove(item: LocalItem): Promise<void> {
    removing.value = { item, answered: await store.isAnswered(item) };
    dialog.value?.open();
  }

  async function confirmRemove(): Promise<void> {
    const target = removing.value?.item;
    if (!target) return;
    const result = await store.remove(target);
    message.value = t(result === 'retired' ? 'localItems.retired' : 'localItems.deleted');
    await focus('[data-local-add]');
  }

  async function restore(item: LocalItem): Promise<void> {
    await store.restore(item);
    await focus(editControl(item));
  }

  return { adding, editingId, removing, message, add, cancelAdd, save, cancelEdit, askRemove, confirmRemove, restore };
}
