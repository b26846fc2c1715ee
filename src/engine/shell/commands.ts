// The commands the shell knows (a leaf module: the terminal completes them before the engine loads).
export const COMMANDS = ['curl', 'wget', 'ping', 'traceroute', 'nslookup', 'dig', 'nc', 'ip', 'bridge', 'cat', 'hostname', 'ss', 'help'] as const;
