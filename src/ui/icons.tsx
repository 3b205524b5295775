/** Decorative icons: hidden from assistive technology, the buttons carry the names. The launcher's are in shell.ts. */
function Icon({ path }: { path: string }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={path} />
    </svg>
  );
}

export const MinimizeIcon = () => <Icon path="M6 9l6 6 6-6" />;
export const NewIcon = () => <Icon path="M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4" />;
export const SendIcon = () => <Icon path="M4 12l16-8-6 16-2-6-8-2z" />;
export const StopIcon = () => <Icon path="M7 7h10v10H7z" />;
export const CopyIcon = () => <Icon path="M9 9h10v10H9zM5 15V5h10" />;
export const CheckIcon = () => <Icon path="M5 12l5 5 9-10" />;
export const ThumbUpIcon = () => (
  <Icon path="M7 11v9H4v-9zM7 11l4-7a2 2 0 0 1 3 2l-1 4h5a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 16.8 20H7" />
);
export const ThumbDownIcon = () => (
  <Icon path="M17 13V4h3v9zM17 13l-4 7a2 2 0 0 1-3-2l1-4H6a2 2 0 0 1-2-2.3l1.2-6A2 2 0 0 1 7.2 4H17" />
);
export const RegenerateIcon = () => <Icon path="M20 12a8 8 0 1 1-2.3-5.6M20 4v4h-4" />;
export const EditIcon = () => <Icon path="M4 20h4L19 9l-4-4L4 16zM13 7l4 4" />;
