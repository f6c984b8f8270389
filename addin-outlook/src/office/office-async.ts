/** Office's callback style as a promise: resolves with the value, rejects with Outlook's own message. */
export function officeAsync<T>(
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error?.message ?? 'Outlook did not answer the request.'));
    });
  });
}
