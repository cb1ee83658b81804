export declare const NETWORK_GUARD_MARK: string;
export declare const NETWORK_GUARD_EXIT: number;
export declare function isLoopback(host: string | undefined | null): boolean;
export declare function installNetworkGuard(onViolation: (message: string) => void): void;
