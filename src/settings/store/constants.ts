export const STORE_NAME = 'aftercare/settings';

export const SAVED_NOTICE_ID = 'aftercare-settings-saved';

export const SAVE_FAILED_NOTICE_ID = 'aftercare-settings-save-failed';
