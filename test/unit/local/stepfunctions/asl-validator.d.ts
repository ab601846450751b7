// asl-validator 3.x ships no type declarations; the part these tests use.
declare module 'asl-validator' {
  interface Result {
    isValid: boolean;
    errors: unknown[];
    errorsText(separator?: string): string;
  }
  export default function aslValidator(
    definition: unknown,
    options?: { checkArn?: boolean; checkPaths?: boolean },
  ): Result;
}
