// One exception type per tm_status family. The library's message is read on the calling
// thread right after the failed call (the last error is per thread), before control can
// return to an await or another call.
using System;

namespace TransformModel
{
    /// <summary>The tm_status codes of the C API.</summary>
    public enum Status
    {
        /// <summary>Success (TM_STATUS_OK).</summary>
        Ok = 0,
        /// <summary>An option or argument value the library cannot use (TM_STATUS_INVALID_ARGUMENT).</summary>
        InvalidArgument = 1,
        /// <summary>A required pointer was null (TM_STATUS_NULL_POINTER).</summary>
        NullPointer = 2,
        /// <summary>A string was not valid UTF-8 (TM_STATUS_INVALID_UTF8).</summary>
        InvalidUtf8 = 3,
        /// <summary>JSON or CSV text could not be read (TM_STATUS_PARSE_ERROR).</summary>
        ParseError = 4,
        /// <summary>The input breaks a rule of the model or the data (TM_STATUS_VALIDATION_ERROR).</summary>
        ValidationError = 5,
        /// <summary>Too few respondents for any figure (TM_STATUS_ANONYMITY_REFUSED).</summary>
        AnonymityRefused = 6,
        /// <summary>A file could not be read or written (TM_STATUS_IO_ERROR).</summary>
        IoError = 7,
        /// <summary>An index past the end of a result (TM_STATUS_OUT_OF_RANGE).</summary>
        OutOfRange = 8,
        /// <summary>A caller's buffer was too small for the message (TM_STATUS_BUFFER_TOO_SMALL).</summary>
        BufferTooSmall = 9,
        /// <summary>A bug in the library, caught before it crossed the boundary (TM_STATUS_PANIC).</summary>
        Panic = 99
    }

    /// <summary>
    /// Any failure of the library: the status, the library's message and, where the input
    /// named them, the row, column, item, value and respondent (null when not named).
    /// </summary>
    public class TransformModelException : Exception
    {
        /// <summary>The library's status code of the failure.</summary>
        public Status Status { get; }
        /// <summary>The 1-based row (CSV line, header = 1; or long-JSON record); null when none.</summary>
        public long? Row { get; internal set; }
        /// <summary>The column named; null when none.</summary>
        public string Column { get; internal set; }
        /// <summary>The item named; null when none.</summary>
        public string Item { get; internal set; }
        /// <summary>The value found; null when none.</summary>
        public string Value { get; internal set; }
        /// <summary>The respondent named; null when none.</summary>
        public string Respondent { get; internal set; }
        /// <summary>An exception with the library's status and message.</summary>
        public TransformModelException(Status status, string message) : base(message) { Status = status; }
    }

    /// <summary>An option or argument value the library cannot use (TM_STATUS_INVALID_ARGUMENT).</summary>
    public class InvalidOptionException : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public InvalidOptionException(string message) : base(Status.InvalidArgument, message) { }
    }

    /// <summary>A required argument was null (TM_STATUS_NULL_POINTER).</summary>
    public class NullArgumentException : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public NullArgumentException(string message) : base(Status.NullPointer, message) { }
    }

    /// <summary>A string was not valid UTF-8 (TM_STATUS_INVALID_UTF8).</summary>
    public class InvalidUtf8Exception : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public InvalidUtf8Exception(string message) : base(Status.InvalidUtf8, message) { }
    }

    /// <summary>JSON or CSV text could not be read (TM_STATUS_PARSE_ERROR).</summary>
    public class ParseException : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public ParseException(string message) : base(Status.ParseError, message) { }
    }

    /// <summary>
    /// The input breaks a rule: unknown id, value outside the scale, … (TM_STATUS_VALIDATION_ERROR).
    /// Not named ValidationException, which System.ComponentModel.DataAnnotations has.
    /// </summary>
    public class DataRuleException : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public DataRuleException(string message) : base(Status.ValidationError, message) { }
    }

    /// <summary>Too few respondents to report anything without breaking anonymity (TM_STATUS_ANONYMITY_REFUSED).</summary>
    public class AnonymityRefusedException : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public AnonymityRefusedException(string message) : base(Status.AnonymityRefused, message) { }
    }

    /// <summary>A file could not be read or written (TM_STATUS_IO_ERROR).</summary>
    public class FileAccessException : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public FileAccessException(string message) : base(Status.IoError, message) { }
    }

    /// <summary>An index past the end of a result (TM_STATUS_OUT_OF_RANGE).</summary>
    public class IndexOutOfResultException : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public IndexOutOfResultException(string message) : base(Status.OutOfRange, message) { }
    }

    /// <summary>A bug in the library: it panicked (TM_STATUS_PANIC). Please report the message.</summary>
    public class InternalLibraryException : TransformModelException
    {
        /// <summary>An exception with the library's message.</summary>
        public InternalLibraryException(string message) : base(Status.Panic, message) { }
    }

    internal static class Errors
    {
        /// <summary>Throws the exception of a non-OK status with the message of the calling thread.</summary>
        internal static void Check(Status status)
        {
            if (status != Status.Ok) throw For(status, LastError());
        }

        internal static TransformModelException For(Status status, string message)
        {
            var e = Of(status, message);
            // The fields of the same failure: read on this thread before any other call.
            long row = (long)(ulong)Native.tm_last_error_row();
            e.Row = row == 0 ? (long?)null : row;
            e.Column = Utf8.Copy(Native.tm_last_error_field(0));
            e.Item = Utf8.Copy(Native.tm_last_error_field(1));
            e.Value = Utf8.Copy(Native.tm_last_error_field(2));
            e.Respondent = Utf8.Copy(Native.tm_last_error_field(3));
            return e;
        }

        static TransformModelException Of(Status status, string message)
        {
            switch (status)
            {
                case Status.InvalidArgument: return new InvalidOptionException(message);
                case Status.NullPointer: return new NullArgumentException(message);
                case Status.InvalidUtf8: return new InvalidUtf8Exception(message);
                case Status.ParseError: return new ParseException(message);
                case Status.ValidationError: return new DataRuleException(message);
                case Status.AnonymityRefused: return new AnonymityRefusedException(message);
                case Status.IoError: return new FileAccessException(message);
                case Status.OutOfRange: return new IndexOutOfResultException(message);
                case Status.Panic: return new InternalLibraryException(message);
                default: return new TransformModelException(status, message);
            }
        }

        /// <summary>The last error message of this thread (empty after a success).</summary>
        internal static string LastError()
        {
            var buf = new byte[(long)(ulong)Native.tm_last_error_length() + 1];
            Native.tm_last_error_message(buf, (UIntPtr)buf.Length, out UIntPtr written);
            int n = (int)Math.Min((ulong)written, (ulong)buf.Length - 1);
            return Utf8.Decode(buf, n);
        }
    }
}
