/** The folder of the built app (vite build), which the server serves at /outlook/ and /app/. */
export declare const outlookAppDir: string;
