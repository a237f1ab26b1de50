/** Why the user landed on the login page (session expired …), shown once there. */
export interface LoginNotice {
  code: string;
  message: string;
}

let pending: LoginNotice | null = null;

export function setLoginNotice(notice: LoginNotice): void {
  pending = notice;
}

export function takeLoginNotice(): LoginNotice | null {
  const n = pending;
  pending = null;
  return n;
}
