// The shell's printers: pure functions from what a command found out (../results.ts) to what
// the real tool prints, stdout and stderr in write order, with its exit status. Which release
// each imitates, and the sources read, are in README.md beside this file.
export { printCurl, curlRequestHeaders, CURL_VERSION, type CurlOptions } from './curl';
export { printWget, type WgetOptions } from './wget';
export { printPing, icmpErrorText } from './ping';
export { printTraceroute, tracerouteMark } from './traceroute';
export { printNslookup } from './nslookup';
export { printDig, DIG_VERSION, type DigOptions } from './dig';
export { printNc, type NcOptions } from './nc';
export { printSs, type SsSocket, type SsEndpoint, type SsState, type SsOptions } from './ss';
export { printHosts, printResolvConf, type HostsInput, type HostAlias, type ResolvConfInput } from './etc-files';
export { serviceName } from './services';
