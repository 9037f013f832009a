using NpgsqlTypes;

namespace Digibank.Bench;

public sealed partial class FlandersGenerator
{
    private static readonly string[] FirstNames = ["Marleen", "Rik", "Fatima", "Jozef", "Annick", "Koen", "Yasmina", "Luc", "Greet", "Mohamed", "Els", "Noël"];

    private static readonly string[] Groups = ["Everyone", "Seniors", "Parents", "JobSeekers", "LowIncome", "LowLiteracy", "Newcomers"];

    private readonly List<ParticipantRow> _participants = [];

    private async Task<int> ParticipantsAsync()
    {
        // People are kept per region: each lives in one of its region's towns.
        var townsOf = _towns.ToLookup(town => town.RegionId);
        var participantId = await NextIdAsync("Participants");
        for (var index = 0; index < Size.Participants; index++)
        {
            var region = _regions[index % _regions.Count];
            var towns = townsOf[region.Id].ToList();
            _participants.Add(new ParticipantRow(participantId++, region.Id, towns[_random.Next(towns.Count)].Id, _today.AddDays(-400 + _random.Next(390))));
        }

        await CopyAsync("Participants", ["Id", "FirstName", "Email", "MunicipalityId", "TargetGroup", "ConsentGivenAt", "CreatedAt", "RegionId"], _participants, (row, person) =>
        {
            row.Write(person.Id, NpgsqlDbType.Integer);
            row.Write(FirstNames[person.Id % FirstNames.Length], NpgsqlDbType.Varchar);
            row.Write($"fl-{person.Id}@example.com", NpgsqlDbType.Varchar);
            row.Write(person.TownId, NpgsqlDbType.Integer);
            row.Write(Groups[person.Id % Groups.Length], NpgsqlDbType.Varchar);
            row.Write(person.Since, NpgsqlDbType.TimestampTz);
            row.Write(person.Since, NpgsqlDbType.TimestampTz);
            row.Write(person.RegionId, NpgsqlDbType.Integer);
        });
        return _participants.Count;
    }

    /// <summary>Sign-ups for the courses of the past year, by people of the course's region, each person once a course.</summary>
    private async Task<int> SignUpsAsync()
    {
        var peopleOf = _participants.ToLookup(person => person.RegionId).ToDictionary(group => group.Key, group => group.ToArray());
        var past = _courses.Where(course => course.Past).ToArray();
        var taken = new Dictionary<int, int>();
        var rows = new List<SignUpRow>(Size.SignUps);
        var signUpId = await NextIdAsync("SignUps");
        for (var index = 0; index < Size.SignUps; index++)
        {
            var course = past[_random.Next(past.Length)];
            var people = peopleOf[course.RegionId];
            var seat = taken[course.Id] = taken.GetValueOrDefault(course.Id) + 1;
            var person = people[(course.Id * 7919 + seat) % people.Length];
            var status = seat > course.Capacity ? "Waitlisted" : seat % 12 == 0 ? "Cancelled" : seat % 9 == 0 ? "NoShow" : "Attended";
            var at = course.StartsAt.AddDays(-1 - _random.Next(30)).AddMinutes(_random.Next(600));
            rows.Add(new SignUpRow(signUpId++, course.Id, person.Id, status, at, course.RegionId));
        }

        string[] channels = ["Web", "Partner", "Counter"];
        await CopyAsync("SignUps", ["Id", "CourseId", "ParticipantId", "Status", "Channel", "CreatedAt", "UpdatedAt", "RegionId"], rows, (row, signUp) =>
        {
            row.Write(signUp.Id, NpgsqlDbType.Integer);
            row.Write(signUp.CourseId, NpgsqlDbType.Integer);
            row.Write(signUp.ParticipantId, NpgsqlDbType.Integer);
            row.Write(signUp.Status, NpgsqlDbType.Varchar);
            row.Write(channels[signUp.Id % channels.Length], NpgsqlDbType.Varchar);
            row.Write(signUp.At, NpgsqlDbType.TimestampTz);
            row.Write(signUp.At, NpgsqlDbType.TimestampTz);
            row.Write(signUp.RegionId, NpgsqlDbType.Integer);
        });
        return rows.Count;
    }

    /// <summary>Loans of the past year, one device's loans one after the other and all of them returned.</summary>
    private async Task<int> LoansAsync()
    {
        var peopleOf = _participants.ToLookup(person => person.RegionId).ToDictionary(group => group.Key, group => group.ToArray());
        var rows = new List<LoanRow>(Size.Loans);
        var loanId = await NextIdAsync("Loans");
        for (var index = 0; index < Size.Loans; index++)
        {
            var device = _devices[index % _devices.Count];
            var turn = index / _devices.Count;
            var people = peopleOf[device.RegionId];
            var checkedOut = _today.AddDays(-365 + 90 * Math.Min(turn, 3) + _random.Next(40)).AddHours(8).AddMinutes(_random.Next(480));
            rows.Add(new LoanRow(loanId++, device.Id, people[_random.Next(people.Length)].Id, device.HelpPointId, checkedOut, checkedOut.AddDays(7 + _random.Next(22)), device.RegionId));
        }

        await CopyAsync("Loans", ["Id", "DeviceId", "ParticipantId", "HelpPointId", "CheckedOutAt", "CheckedOutBy", "DueAt", "Renewals", "ReturnedAt", "ReturnedCondition", "AccessoriesComplete", "RegionId"], rows, (row, loan) =>
        {
            row.Write(loan.Id, NpgsqlDbType.Integer);
            row.Write(loan.DeviceId, NpgsqlDbType.Integer);
            row.Write(loan.ParticipantId, NpgsqlDbType.Integer);
            row.Write(loan.HelpPointId, NpgsqlDbType.Integer);
            row.Write(loan.CheckedOutAt, NpgsqlDbType.TimestampTz);
            row.Write("Balie", NpgsqlDbType.Varchar);
            row.Write(loan.CheckedOutAt.AddDays(28), NpgsqlDbType.TimestampTz);
            row.Write(0, NpgsqlDbType.Integer);
            WriteOrNull<DateTime>(row, loan.ReturnedAt, NpgsqlDbType.TimestampTz);
            row.Write("Good", NpgsqlDbType.Varchar);
            row.Write(true, NpgsqlDbType.Boolean);
            row.Write(loan.RegionId, NpgsqlDbType.Integer);
        });
        return rows.Count;
    }

    private sealed record ParticipantRow(int Id, int RegionId, int TownId, DateTime Since);

    private sealed record SignUpRow(int Id, int CourseId, int ParticipantId, string Status, DateTime At, int RegionId);

    private sealed record LoanRow(int Id, int DeviceId, int ParticipantId, int HelpPointId, DateTime CheckedOutAt, DateTime? ReturnedAt, int RegionId);
}
